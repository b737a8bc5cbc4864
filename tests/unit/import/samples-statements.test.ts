// Statement standards beside the shared fixtures' camt.053/MT940/OFX: camt.052 reports, camt.054
// notifications, national MT940 dialects, and files holding several accounts — as faithful synthetic
// samples in tests/samples/import/statements (invented names, accounts and amounts; the layout as the
// cited public test file has it). Signs are checked against each statement's own closing balance
// where it prints one: the parser puts that balance on the last line only when opening + lines = closing.
import { describe, expect, it } from "vitest";
import { formatImportError } from "@/lib/import";
import { expectFailed, expectImported, importPath, importText, rowAt, samplePath } from "./helpers";

const statement = (name: string) => samplePath(`statements/${name}`);

describe("ISO 20022 camt.052 account report (sample: camt052-report.v2.xml)", () => {
  // Layout: genkgo/camt test/data/camt052.v2.xml (GrpHdr/MsgPgntn, Rpt with FrToDt, Acct/Id/Othr/Id,
  // Ownr, Svcr; Ntry with Sts, BookgDt/DtTm, ValDt/Dt, AcctSvcrRef, BkTxCd/Domn, NtryDtls/TxDtls).
  it("reads booked entries, signs by CdtDbtInd (a reversal too), takes Amt in the account's currency, skips a pending one", async () => {
    const result = expectImported(await importPath(statement("camt052-report.v2.xml")), "bank");
    expect(result.format.id).toBe("camt052-report");
    expect(result.statementAccount).toEqual({ number: "CH2800000000123456789" });
    expect(result.rows.map((row) => row.sourceRow)).toEqual([48, 89, 145]);
    // DBIT 2402.00, BookgDt/DtTm 2024-03-15T08:15:00+01:00 (offset dropped), the creditor as counterparty.
    expect(rowAt(result.rows, 48)).toEqual({
      sourceRow: 48,
      occurredOn: "2024-03-15",
      occurredAt: "2024-03-15T08:15:00",
      amountMinor: -240200n,
      currency: "EUR",
      reference: "2024031500001",
      secondaryReference: "INV-2024-0311",
      counterparty: "Lieferant Eins GmbH",
      counterpartyAccount: "DE02100100100006820101",
      memo: "Rechnung 2024-0311",
      naturalKey: "camt053:CH2800000000123456789:2024031500001",
    });
    // CRDT 918.40 EUR, instructed as USD 1000.00: the account moved EUR 918.40; booked 03-15 (value 03-14).
    expect(rowAt(result.rows, 89)).toMatchObject({
      occurredOn: "2024-03-15",
      amountMinor: 91840n,
      currency: "EUR",
      counterparty: "Example Imports Inc.",
      counterpartyAccount: "US-000123456",
    });
    expect(rowAt(result.rows, 89).occurredAt).toBeUndefined();
    // A returned direct debit: CRDT with RvslInd true is money coming back in, from the creditor we had paid.
    expect(rowAt(result.rows, 145)).toMatchObject({ occurredAt: "2024-03-15T09:02:41", amountMinor: 15000n, counterparty: "Stadtwerke Beispiel", memo: "Rueckbuchung Lastschrift" });
    // Sts PDNG: nothing was booked yet, so nothing is imported; the user is told.
    expect(result.errors).toEqual([{ row: 180, column: "status", code: "ROW_SKIPPED_NO_MONEY_MOVED", params: { status: "PDNG" }, severity: "warning" }]);
  });
});

describe("ISO 20022 camt.054 debit/credit notification (sample: camt054-notification.v8.xml)", () => {
  // Layout: genkgo/camt test/data/camt054.v8.xml (Sts/Cd, Acct/Id/IBAN, Svcr BICFI UBSWCHZH80A, a batch
  // booking — Btch with NbOfTxs and several TxDtls each with its own Amt and a CdtDbtInd CRDT under a
  // DBIT entry —, Dbtr/Pty/Nm and Cdtr/Pty/Nm); camt054.v2.xml for several TxDtls of different parties.
  it("a batch booking is one debit of the entry's total, whatever its TxDtls say; a foreign-currency credit moves the entry's amount", async () => {
    const result = expectImported(await importPath(statement("camt054-notification.v8.xml")), "bank");
    expect(result.format.id).toBe("camt054-notification");
    expect(result.statementAccount).toEqual({ number: "CH9300762011623852957" });
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(2);
    // Entry DBIT CHF 1250.40 = 800.00 + 450.40 to two creditors: no single counterparty, both purposes.
    expect(rowAt(result.rows, 31)).toEqual({
      sourceRow: 31,
      occurredOn: "2024-04-02",
      amountMinor: -125040n,
      currency: "CHF",
      reference: "ACSR240402163000001",
      memo: "Rechnung 4471 / Fracht Maerz / Sammelauftrag",
      naturalKey: "camt053:CH9300762011623852957:ACSR240402163000001",
    });
    // CRDT CHF 478.15 (TxDtls Amt EUR 500.00 is what the payer sent); Dbtr/Pty/Nm; SCOR reference.
    expect(rowAt(result.rows, 123)).toMatchObject({
      occurredOn: "2024-04-02",
      occurredAt: "2024-04-02T14:05:12",
      amountMinor: 47815n,
      currency: "CHF",
      reference: "ACSR240402140500017",
      secondaryReference: "WEBSHOP-10077",
      counterparty: "Erika Beispiel",
      counterpartyAccount: "DE89370400440532013000",
    });
  });

  it("the same entry in a notification and in the day's statement gets the same key (never counted twice)", async () => {
    const notification = expectImported(await importPath(statement("camt054-notification.v8.xml")), "bank");
    const asStatement = (await import("node:fs")).readFileSync(statement("camt054-notification.v8.xml"), "utf8")
      .replaceAll("camt.054.001.08", "camt.053.001.08")
      .replaceAll("BkToCstmrDbtCdtNtfctn", "BkToCstmrStmt")
      .replaceAll("Ntfctn>", "Stmt>");
    const statementResult = expectImported(await importText("statement.xml", asStatement), "bank");
    expect(statementResult.format.id).toBe("camt053-statement");
    expect(statementResult.rows.map((row) => row.naturalKey)).toEqual(notification.rows.map((row) => row.naturalKey));
  });
});

describe("camt.053 with two accounts (sample: camt053-two-accounts.v2.xml)", () => {
  // Layout: genkgo/camt test/data/camt053.v2.multi.statement.xml (two Stmt in one BkToCstmrStmt), here
  // with two different accounts (EUR and USD).
  it("is refused naming both accounts; with one chosen, only its entries are read, with its checked balance", async () => {
    const refused = expectFailed(await importPath(statement("camt053-two-accounts.v2.xml")));
    expect(refused.errors).toEqual([
      { row: null, column: null, code: "STATEMENT_SEVERAL_ACCOUNTS", params: { format: "CAMT.053", count: 2, accounts: "NL26VAYB8060476890\nNL91ABNA0417164300" }, severity: "error" },
    ]);
    expect(formatImportError(refused.errors[0]!, "en")).toBe(
      "This CAMT.053 file holds the transactions of 2 accounts (NL26VAYB8060476890, NL91ABNA0417164300); one import goes into one fund account, so nothing was imported. Choose to import only one account's transactions (once per account), or export each account separately from online banking.",
    );
    expect(formatImportError(refused.errors[0]!, "zh-CN")).toContain("包含 2 个账户的流水（NL26VAYB8060476890、NL91ABNA0417164300）");

    const usd = expectImported(await importPath(statement("camt053-two-accounts.v2.xml"), { statementAccount: "NL91 ABNA 0417 1643 00" }), "bank");
    expect(usd.statementAccount).toEqual({ number: "NL91ABNA0417164300" });
    expect(usd.rows).toEqual([expect.objectContaining({ sourceRow: 85, occurredOn: "2023-12-29", amountMinor: -700n, currency: "USD", counterparty: "Company Name 2" })]);
    const eur = expectImported(await importPath(statement("camt053-two-accounts.v2.xml"), { statementAccount: "NL26VAYB8060476890" }), "bank");
    // OPBD 100.00 + 8.85 = CLBD 108.85
    expect(eur.rows).toEqual([expect.objectContaining({ sourceRow: 42, amountMinor: 885n, currency: "EUR", balanceMinor: 10885n, counterparty: "Klant Een" })]);

    const absent = expectFailed(await importPath(statement("camt053-two-accounts.v2.xml"), { statementAccount: "DE00123" }));
    expect(absent.errors[0]).toMatchObject({ code: "STATEMENT_SEVERAL_ACCOUNTS", params: { chosen: "DE00123" } });
    expect(formatImportError(absent.errors[0]!, "en")).toBe("This CAMT.053 file holds no account DE00123; its accounts are NL26VAYB8060476890, NL91ABNA0417164300. Nothing was imported.");
  });
});

describe("MT940 German DK format (sample: mt940-sparkasse-de.sta, CRLF)", () => {
  // Layout: wolph/mt940 tests/betterplace/sepa_mt9401.sta (:25: BLZ/Konto, :28C: nnnnn/nnnnn, "CR"/"DR"
  // marks, "RD" reversals, NTRF/NMSC/NRTI types, KREF+ references, :86: "166?00GUTSCHRIFT?100399?20EREF+…"
  // wrapped at 65 characters mid-subfield, ?30 BIC ?31 IBAN ?32/?33 name, :62M:/:60M: between the two
  // messages of one statement, :64:) and tests/self-provided/sparkassen.sta (a :61: wrapped right after "CR").
  it("reads both messages of the statement, signs D −, C +, RD +, and the wrapped :61:", async () => {
    const result = expectImported(await importPath(statement("mt940-sparkasse-de.sta")), "bank");
    expect(result.format.id).toBe("mt940-statement");
    expect(result.statementAccount).toEqual({ number: "37040044/0532013000" });
    expect(result.errors).toEqual([]);
    expect(result.rows.map((row) => [row.sourceRow, row.occurredOn, row.amountMinor])).toEqual([
      [5, "2024-03-15", 150000n],
      [8, "2024-03-15", -240200n],
      [18, "2024-03-18", -250n], // value date 03-15, booked 03-18
      [20, "2024-03-18", 4990n], // RD: a debit reversed, money back in
      [23, "2024-03-19", 3000n], // "CR" then the amount on the next line
    ]);
    expect(rowAt(result.rows, 5)).toMatchObject({
      currency: "EUR",
      reference: "0724710290621954",
      counterparty: "Anna Beispiel",
      counterpartyAccount: "DE02200505501015871393",
      memo: "GUTSCHRIFT / EREF+SHOP-2024-0042 SVWZ+Bestellung 42 vom 12.03.",
    });
    expect(rowAt(result.rows, 8)).toMatchObject({ reference: "KREF+", secondaryReference: "0724710352996674", counterparty: "Lager Beispiel SARL", memo: "SEPA-UEBERW / EREF+RE-2024-17 SVWZ+Rechnung 17 Lager miete Maerz" });
    // 9098.00 (:62M:) carried by :60M:; 9098.00 − 2.50 + 49.90 + 30.00 = 9175.40 (:62F:)
    expect(rowAt(result.rows, 8).balanceMinor).toBe(909800n);
    expect(rowAt(result.rows, 23).balanceMinor).toBe(917540n);
  });

  it("an amount followed by an S-type code (SWIFT message number) and a funds code letter", async () => {
    const text = [":20:X", ":25:DE89370400440532013000", ":28C:1/1", ":60F:C240314EUR5000,00", ":61:2403150315D2402,00S20NONREF//B4C15", ":61:2403150315CE100,00S103INV-7//B4C16", ":62F:C240315EUR2698,00", "-"].join("\r\n");
    const result = expectImported(await importText("x.sta", text), "bank");
    expect(result.rows).toEqual([
      expect.objectContaining({ sourceRow: 5, amountMinor: -240200n, reference: "B4C15" }),
      expect.objectContaining({ sourceRow: 6, amountMinor: 10000n, reference: "INV-7", secondaryReference: "B4C16", balanceMinor: 269800n }),
    ]);
  });
});

describe("MT940 Dutch dialects", () => {
  // Layout: wolph/mt940 tests/jejik/ing.sta (the ING preamble lines "0000 01INGBNL2AXXXX00001" and
  // "940 00", type codes with a blank "NOV "/"NGT ", unstructured multi-line :86:, a summary :86: after
  // :62F:, "-XXX" at the end).
  it("ING: type codes with a blank, multi-line :86:, the closing balance checked", async () => {
    const result = expectImported(await importPath(statement("mt940-ing-nl.sta")), "bank");
    expect(result.statementAccount).toEqual({ number: "0001234567" });
    expect(result.rows.map((row) => [row.sourceRow, row.amountMinor])).toEqual([
      [8, -2503n],
      [12, -111n],
      [14, 368n],
      [16, 100n],
    ]);
    expect(rowAt(result.rows, 8)).toMatchObject({ occurredOn: "2024-07-22", memo: "RC AFREKENING BETALINGSVERKEER BETREFT REKENING 4715589 PERIODE: 01-04-2024 / 30-06-2024 ING Bank N.V. tarifering ING" });
    expect(rowAt(result.rows, 8).reference).toBeUndefined();
    expect(rowAt(result.rows, 12)).toMatchObject({ reference: "TMG TANGO" });
    // 120.00 − 25.03 − 1.11 + 3.68 + 1.00 = 98.54 (:62F:); the summary :86: after it is no transaction's.
    expect(rowAt(result.rows, 16)).toMatchObject({ balanceMinor: 9854n, memo: "0111111111 Hr J Voorbeeld ROSMALEN Hr J Voorbeeld ROSMALEN Betaling transactiedatum: 22-07-2024" });
  });

  // Layout: wolph/mt940 tests/jejik/rabobank.sta (":940:" first line, :28: not :28C:, zero-padded
  // amounts, one :86: per line of text, no "-" between messages, two accounts "1291.99.348EUR" and
  // "1526.89.184EUR" in one file).
  it("Rabobank: two accounts in one file are refused; the chosen one reads its repeated :86: lines", async () => {
    const refused = expectFailed(await importPath(statement("mt940-rabobank-nl.sta")));
    expect(refused.errors[0]).toMatchObject({ code: "STATEMENT_SEVERAL_ACCOUNTS", params: { format: "MT940", count: 2, accounts: "1291.99.348EUR\n1526.89.184EUR" } });
    const result = expectImported(await importPath(statement("mt940-rabobank-nl.sta"), { statementAccount: "1526.89.184EUR" }), "bank");
    expect(result.rows.map((row) => [row.sourceRow, row.occurredOn, row.amountMinor])).toEqual([
      [16, "2024-08-29", -8810n],
      [20, "2024-08-29", -620n],
    ]);
    expect(rowAt(result.rows, 16).memo).toBe("BETALINGSKENM.  173787046000009 / FACTUUR * 173787046 000009 / KPN - MOBIEL");
    // 4196.12 − 88.10 − 6.20 = 4101.82
    expect(rowAt(result.rows, 20).balanceMinor).toBe(410182n);
  });

  // Layout: wolph/mt940 mt940_tests/jejik/rabobank-iban.sta (":86:/EREF/…/BENM//NAME/…/REMI/…/ISDT/…",
  // wrapped mid-word at a fixed width).
  it("Rabobank SEPA: the name and remittance text of the /TAG/ form", async () => {
    const text = [
      ":940:",
      ":20:940S240101",
      ":25:NL71RABO0123456789",
      ":28C:0",
      ":60F:C240101EUR000000001000,00",
      ":61:240102D000000000010,00N154NONREF          ",
      "P001234567",
      ":86:/BENM//NAME/JOHN VOORBEELD/REMI/Reference 202401234/ISDT/2024-01-02",
      ":61:240103D000000000025,00N102EREF            ",
      "NL70ABNA0987654321",
      ":86:/EREF/03-01-2024 12:00 0030000987654321/BENM//NAME/CONTRA ACCOUN",
      "T HOLDER/REMI/Factuur 88/ISDT/2024-01-03",
      ":62F:C240108EUR000000000965,00",
    ].join("\n");
    const result = expectImported(await importText("rabo.sta", text), "bank");
    expect(result.rows).toEqual([
      expect.objectContaining({ sourceRow: 6, amountMinor: -1000n, counterparty: "JOHN VOORBEELD", memo: "P001234567 / Reference 202401234" }),
      expect.objectContaining({ sourceRow: 9, amountMinor: -2500n, counterparty: "CONTRA ACCOUNT HOLDER", memo: "NL70ABNA0987654321 / Factuur 88", balanceMinor: 96500n }),
    ]);
  });
});

describe("MT940 Polish dialects", () => {
  // Layout: wolph/mt940 tests/mBank/mt940.sta (:25: IBAN, "CN" = credit with funds code N, a
  // supplementary line under :61:, unstructured multi-line :86: with "OD:"/"TYT.:", :64:).
  it("mBank: funds code after the mark, the closing balance checked", async () => {
    const result = expectImported(await importPath(statement("mt940-mbank-pl.sta")), "bank");
    expect(result.statementAccount).toEqual({ number: "PL29114010810000267002001002" });
    expect(result.rows.map((row) => [row.sourceRow, row.occurredOn, row.amountMinor, row.currency, row.reference])).toEqual([
      [6, "2024-01-19", 25001n, "PLN", "MB240119012058"],
      [12, "2024-01-19", -4000n, "PLN", "MB240119012085"],
    ]);
    expect(rowAt(result.rows, 6).memo).toBe(
      "911-TRANSAKCJA IPH / 911 TRANSAKCJA COLLECT; ID IPH: XX000000000001; Z RACH.: 56114010810000267002001001; OD: JAN PRZYKLADOWY UL. PRZYKLADOWA 1 M 2 31-234 KRAKOW; TYT.: ZAMOWIENIE 5531   ; TNR: 179171073864111.010001",
    );
    // 100.40 + 250.01 − 40.00 = 310.41
    expect(rowAt(result.rows, 12).balanceMinor).toBe(31041n);
  });

  // Layout: PKO BP as quoted in public MT940 parser tests (":25:/PL…", ":61:…N152NONREF//…" with the
  // supplementary line "152 0", ":86:020~00152" then one "~NN" subfield a line, "˙" for an empty one).
  it("PKO BP: '~' subfields give the purpose, the counterparty and its IBAN", async () => {
    const text = [
      ":20:MT940",
      ":25:/PL44102055610000380209739045",
      ":28C:1",
      ":60F:D240526PLN2671,79",
      ":61:2405260526D25,00N152NONREF//6460500500000513",
      "152 0",
      ":86:020~00152",
      "~20PRZELEW SRODKOW",
      "~21˙",
      "~3010205561",
      "~319000361245650140",
      "~32FIRMA PRZYKLADOWA",
      "~33˙",
      "~38PL50102055619000361245650240",
      "~60˙",
      ":62F:D240531PLN2696,79",
      "-",
    ].join("\r\n");
    const result = expectImported(await importText("pko.sta", text), "bank");
    expect(result.statementAccount).toEqual({ number: "PL44102055610000380209739045" });
    expect(result.rows).toEqual([
      expect.objectContaining({
        sourceRow: 5,
        amountMinor: -2500n,
        reference: "6460500500000513",
        counterparty: "FIRMA PRZYKLADOWA",
        counterpartyAccount: "PL50102055619000361245650240",
        memo: "152 0 / 152 / PRZELEW SRODKOW",
        balanceMinor: -269679n,
      }),
    ]);
  });
});

describe("MT940 Swiss PostFinance (sample: mt940-postfinance-ch.sta)", () => {
  // Layout: wolph/mt940 tests/jejik/postfinance.sta (SWIFT blocks {1:}{2:}{3:}{4: around each message,
  // "-}" closing one and opening the next, :60M:/:62M: across two messages, FMSC types, amounts "79,7"
  // and "0,", a supplementary line of digits under :61:).
  it("reads both messages across the SWIFT blocks, with the balances carried between them", async () => {
    const result = expectImported(await importPath(statement("mt940-postfinance-ch.sta")), "bank");
    expect(result.statementAccount).toEqual({ number: "123456789" });
    expect(result.rows.map((row) => [row.sourceRow, row.occurredOn, row.amountMinor, row.currency])).toEqual([
      [6, "2024-04-02", 7970n, "CHF"],
      [10, "2024-04-03", 14950n, "CHF"],
      [20, "2024-04-05", -7990n, "CHF"],
      [23, "2024-04-06", 1010n, "CHF"],
    ]);
    // Customer reference 01916, bank reference NONREF (none); the :86: text, not the next block header.
    expect(rowAt(result.rows, 20)).toMatchObject({ reference: "01916", memo: "20240405007602112345678000000012 / GIRO AN ONLINE-SIC 80701 BEGUENSTIGTER: VERSAND MUSTER AG" });
    expect(rowAt(result.rows, 20).secondaryReference).toBeUndefined();
    // 0 + 79.70 + 149.50 = 229.20 (:62M:); 229.20 − 79.90 + 10.10 = 159.40 (:62F:)
    expect(rowAt(result.rows, 10).balanceMinor).toBe(22920n);
    expect(rowAt(result.rows, 23)).toMatchObject({ balanceMinor: 15940n, memo: "20240406816204000100125000000012 / EINZAHLUNGSSCHEIN" });
  });
});

describe("OFX with three accounts (sample: ofx-three-accounts.ofx)", () => {
  // Layout: the shared fixture ofx/checking.ofx (SGML 1.x, tab-indented, unclosed leaves), with a second
  // STMTTRNRS and a CREDITCARDMSGSRSV1/CCSTMTRS as Grunnpi/BankPerfectTools resource/ofx.ftl lists one
  // STMTTRNRS per account.
  it("is refused naming the three accounts; a chosen account reads only its STMTTRN", async () => {
    const refused = expectFailed(await importPath(statement("ofx-three-accounts.ofx")));
    expect(refused.errors[0]).toMatchObject({ code: "STATEMENT_SEVERAL_ACCOUNTS", params: { format: "OFX", count: 3, accounts: "1452687~7\n1452687~9\n4111111111111111" } });
    const card = expectImported(await importPath(statement("ofx-three-accounts.ofx"), { statementAccount: "4111111111111111" }), "bank");
    expect(card.rows).toEqual([
      { sourceRow: 107, occurredOn: "2024-04-20", occurredAt: "2024-04-20T12:00:00", amountMinor: -8990n, currency: "USD", reference: "0000904", counterparty: "SHOPIFY SUBSCRIPTION", naturalKey: "ofx:4111111111111111:0000904" },
    ]);
    const checking = expectImported(await importPath(statement("ofx-three-accounts.ofx"), { statementAccount: "1452687~7" }), "bank");
    expect(checking.rows.map((row) => [row.sourceRow, row.amountMinor])).toEqual([
      [39, 125000n],
      [47, -3451n],
    ]);
  });
});

describe("one account number in several currencies", () => {
  // A multi-currency account reported as one camt Stmt per currency (same IBAN, Acct/Ccy EUR and USD),
  // as in genkgo/camt test/data/camt053.v2.multi.statement.xml's two Stmt of one IBAN.
  it("is as many accounts as currencies: refused naming each, read one currency at a time", async () => {
    const { readFileSync } = await import("node:fs");
    const text = readFileSync(statement("camt053-two-accounts.v2.xml"), "utf8").replace("<IBAN>NL91ABNA0417164300</IBAN>", "<IBAN>NL26VAYB8060476890</IBAN>");
    const refused = expectFailed(await importText("multi-currency.xml", text));
    expect(refused.errors[0]).toMatchObject({ code: "STATEMENT_SEVERAL_ACCOUNTS", params: { count: 2, accounts: "NL26VAYB8060476890 EUR\nNL26VAYB8060476890 USD" } });
    const usd = expectImported(await importText("multi-currency.xml", text, { statementAccount: "NL26VAYB8060476890 USD" }), "bank");
    expect(usd.statementAccount).toEqual({ number: "NL26VAYB8060476890 USD" });
    expect(usd.rows).toEqual([expect.objectContaining({ sourceRow: 85, amountMinor: -700n, currency: "USD" })]);
  });
});
