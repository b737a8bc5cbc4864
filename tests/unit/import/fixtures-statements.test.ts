// OFX, ISO 20022 camt.053 and SWIFT MT940 bank statements (real fixtures, auto-detected). Expected
// values were read off the files by hand; sourceRow is the line a text editor shows.
import { describe, expect, it } from "vitest";
import { formatImportError } from "@/lib/import";
import { expectFailed, expectImported, fixturePath, importPath, importText, rowAt } from "./helpers";

describe("OFX", () => {
  it("SGML 1.x on one line per transaction: signed TRNAMT, CURDEF, FITID keys", async () => {
    const result = expectImported(await importPath(fixturePath("ofx/bank_medium.ofx")), "bank");
    expect(result.format.id).toBe("ofx-statement");
    expect(result.rows.map((row) => row.sourceRow)).toEqual([15, 16, 17]);
    // <DTPOSTED>20090401122017.000[-5:EST]<TRNAMT>-6.60<FITID>0000123456782009040100001<NAME>MCDONALD'S #112
    expect(rowAt(result.rows, 15)).toEqual({
      sourceRow: 15,
      occurredOn: "2009-04-01",
      occurredAt: "2009-04-01T12:20:17",
      amountMinor: -660n,
      currency: "CAD",
      reference: "0000123456782009040100001",
      counterparty: "MCDONALD'S #112",
      memo: "POS MERCHANDISE;MCDONALD'S #112",
      naturalKey: "ofx:12300 000012345678:0000123456782009040100001",
    });
    expect(rowAt(result.rows, 16)).toMatchObject({
      occurredOn: "2009-04-02",
      amountMinor: -31667n,
      reference: "0000123456782009040200004",
      secondaryReference: "0", // CHECKNUM
      counterparty: "Joe's Bald Hairstyles",
    });
  });

  it("SGML 1.x indented, unclosed leaf elements: the line of each <STMTTRN>", async () => {
    const result = expectImported(await importPath(fixturePath("ofx/checking.ofx")), "bank");
    expect(result.rows.map((row) => row.sourceRow)).toEqual([46, 54, 62]);
    expect(rowAt(result.rows, 46)).toMatchObject({
      occurredOn: "2011-03-31",
      amountMinor: 1n,
      currency: "USD",
      reference: "0000486",
      counterparty: "DIVIDEND EARNED FOR PERIOD OF 03",
    });
    expect(rowAt(result.rows, 62)).toMatchObject({
      occurredOn: "2011-04-07",
      amountMinor: -2500n,
      reference: "0000488",
      secondaryReference: "319",
      counterparty: "RETURNED CHECK FEE, CHECK # 319",
      memo: "RETURNED CHECK FEE, CHECK # 319 FOR $45.33 ON 04/07/11",
    });
  });

  it("OFX 2.x (XML, closed elements) reads the same way", async () => {
    const text = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<?OFX OFXHEADER="200" VERSION="220" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>',
      "<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR</CURDEF>",
      "<BANKACCTFROM><BANKID>1</BANKID><ACCTID>999</ACCTID><ACCTTYPE>CHECKING</ACCTTYPE></BANKACCTFROM>",
      "<BANKTRANLIST>",
      "<STMTTRN><TRNTYPE>CREDIT</TRNTYPE><DTPOSTED>20051029101003[-5:EST]</DTPOSTED><TRNAMT>1234.5</TRNAMT>",
      "<FITID>A1</FITID><NAME>Shop &amp; Co</NAME><MEMO>payout</MEMO></STMTTRN>",
      "</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>",
    ].join("\n");
    const result = expectImported(await importText("statement.qfx", text), "bank");
    expect(result.rows).toEqual([
      expect.objectContaining({ sourceRow: 6, occurredOn: "2005-10-29", occurredAt: "2005-10-29T10:10:03", amountMinor: 123450n, currency: "EUR", reference: "A1", counterparty: "Shop & Co", memo: "payout", naturalKey: "ofx:999:A1" }),
    ]);
  });
});

describe("ISO 20022 camt.053", () => {
  it("v2: Ntry with a credit, the debtor as counterparty, no servicer reference (fingerprint key)", async () => {
    const result = expectImported(await importPath(fixturePath("camt/camt053.v2.minimal.xml")), "bank");
    expect(result.format.id).toBe("camt053-statement");
    expect(result.rows).toHaveLength(1);
    expect(rowAt(result.rows, 90)).toMatchObject({
      occurredOn: "2014-12-31", // BookgDt, not ValDt 2015-01-02
      amountMinor: 885n,
      currency: "EUR",
      counterparty: "NAME NAME",
      counterpartyAccount: "NL56AGDH9619008421",
      secondaryReference: "4654654654654654", // RmtInf/Strd/CdtrRefInf/Ref
    });
    expect(rowAt(result.rows, 90).reference).toBeUndefined();
    expect(rowAt(result.rows, 90).naturalKey).toMatch(/^camt053:fp:/);
  });

  it("v8: BookgDt/DtTm as written, AcctSvcrRef, Dbtr/Pty/Nm", async () => {
    const result = expectImported(await importPath(fixturePath("camt/camt053.v8.xml")), "bank");
    expect(result.rows).toHaveLength(1);
    expect(rowAt(result.rows, 110)).toMatchObject({
      occurredOn: "2014-12-31",
      occurredAt: "2014-12-31T13:15:00",
      amountMinor: 885n,
      currency: "EUR",
      reference: "AAAASESS-FP-CN_98765/01",
      secondaryReference: "MUELL/FINP/RA12345",
      counterparty: "NAME NAME",
      naturalKey: "camt053:NL26VAYB8060476890:AAAASESS-FP-CN_98765/01",
    });
    // The statement's CLBD (SEK, debit) does not follow from OPBD + the entry: no balance is claimed.
    expect(rowAt(result.rows, 110).balanceMinor).toBeUndefined();
  });

  it("a debit takes the creditor as counterparty, Ustrd and AddtlNtryInf as memo, and the checked closing balance", async () => {
    const text = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
<BkToCstmrStmt><Stmt><Acct><Id><IBAN>DE001</IBAN></Id></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">74.50</Amt><CdtDbtInd>CRDT</CdtDbtInd></Bal>
<Ntry>
  <Amt Ccy="EUR">25.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>2024-03-01</Dt></BookgDt>
  <AcctSvcrRef>R-1</AcctSvcrRef><AddtlNtryInf>SEPA transfer</AddtlNtryInf>
  <NtryDtls><TxDtls><RltdPties><Cdtr><Nm>Supplier GmbH</Nm></Cdtr><CdtrAcct><Id><IBAN>DE002</IBAN></Id></CdtrAcct></RltdPties>
  <RmtInf><Ustrd>Invoice 42</Ustrd></RmtInf></TxDtls></NtryDtls>
</Ntry>
</Stmt></BkToCstmrStmt></Document>
`;
    const result = expectImported(await importText("camt.xml", text), "bank");
    expect(result.rows).toEqual([
      expect.objectContaining({
        sourceRow: 6,
        occurredOn: "2024-03-01",
        amountMinor: -2550n,
        balanceMinor: 7450n,
        reference: "R-1",
        counterparty: "Supplier GmbH",
        counterpartyAccount: "DE002",
        memo: "Invoice 42 / SEPA transfer",
      }),
    ]);
  });
});

describe("SWIFT MT940", () => {
  it("three messages of three accounts, one account at a time: comma decimals, D/C and DR/CR marks, structured :86:, checked closing balances", async () => {
    // The file holds three accounts (DEM, EUR, PLN): never merged, each read on its own.
    const accounts = ["45050050/76198810", "10020030/1234567", "BPHKPLPK/320000546101"];
    const parts = await Promise.all(accounts.map(async (statementAccount) => expectImported(await importPath(fixturePath("mt940/cmxl_mt940.sta"), { statementAccount }), "bank")));
    expect(parts.map((part) => [part.format.id, part.statementAccount?.number, part.rows.length])).toEqual([
      ["mt940-statement", "45050050/76198810", 11],
      ["mt940-statement", "10020030/1234567", 2],
      ["mt940-statement", "BPHKPLPK/320000546101", 3],
    ]);
    const result = { rows: parts.flatMap((part) => part.rows) };
    expect(result.rows).toHaveLength(16);
    // :61:131017D620,3NSTON / :86:999PN0911DAUERAUFTR.NR. 14
    expect(rowAt(result.rows, 7)).toMatchObject({ occurredOn: "2013-10-17", amountMinor: -62030n, currency: "DEM", reference: "N", memo: "999PN0911DAUERAUFTR.NR. 14" });
    // :61:131018C3656,74NMSCN
    expect(rowAt(result.rows, 21)).toMatchObject({ occurredOn: "2013-10-18", amountMinor: 365674n, memo: "999PN0850EINZAHLG.N" });
    // 84349,74 + the lines = 84437,04 (:62F:): the closing balance sits on the last line.
    expect(rowAt(result.rows, 25).balanceMinor).toBe(8443704n);
    // :61:0211011102DR800,NSTONONREF//55555 — value date 2002-11-01, booked 11-02.
    expect(rowAt(result.rows, 36)).toMatchObject({
      occurredOn: "2002-11-02",
      amountMinor: -80000n,
      currency: "EUR",
      reference: "55555",
      counterparty: "MUELLER",
      counterpartyAccount: "234567",
      memo: "DAUERAUFTRAG / Miete November",
    });
    // :86: wrapped over several lines: "?20Gehalt Oktob" + "er"
    expect(rowAt(result.rows, 38)).toMatchObject({ amountMinor: 300000n, memo: "UEBERWEISUNG / Gehalt Oktober FirmaMustermannGmbH", balanceMinor: 438795n });
    // :61:0310201020D10000,00FTRFREF 25611247//8327000090031790 with supplementary "Transfer"
    expect(rowAt(result.rows, 62)).toMatchObject({
      occurredOn: "2003-10-20",
      amountMinor: -1000000n,
      currency: "PLN",
      reference: "REF 25611247",
      secondaryReference: "8327000090031790",
      counterpartyAccount: "PL08106000760000777777777777",
    });
    expect(rowAt(result.rows, 70)).toMatchObject({ amountMinor: 4000n, memo: "Interest credit / Uznanie kwotą odsetek / Odsetki od lokaty nr 101000 022086" });
    expect(result.rows.every((row) => row.naturalKey.startsWith("mt940:fp:"))).toBe(true);
  });

  it("ABN AMRO: entry dates, unstructured multi-line :86:, NONREF as no reference", async () => {
    const result = expectImported(await importPath(fixturePath("mt940/jejik_abnamro.sta")), "bank");
    expect(result.rows).toHaveLength(10);
    // :61:1105240524D9,N192NONREF
    expect(rowAt(result.rows, 8)).toMatchObject({
      occurredOn: "2011-05-24",
      amountMinor: -900n,
      currency: "EUR",
      memo: "GIRO   428428 KPN - DIGITENNE    BETALINGSKENM.  000000042188659 5314606715                       BETREFT FACTUUR D.D. 20-05-2011 INCL. 1,44 BTW",
    });
    expect(rowAt(result.rows, 8).reference).toBeUndefined();
    // :61:1105210523D107,N426NONREF — value date 05-21, booked 05-23
    expect(rowAt(result.rows, 23)).toMatchObject({ occurredOn: "2011-05-23", amountMinor: -10700n, memo: "BEA   NR:XXX1234   21.05.11/12.04 HANS ANDERS OPT./056 KAT,PAS999" });
    // The second message (:60M:/:62M:) continues with its own lines.
    expect(rowAt(result.rows, 38)).toMatchObject({ occurredOn: "2011-05-24", amountMinor: -1500n, memo: "52.89.39.882                    MYCOM DEN HAAG" });
  });

  it("RC/RD reversals and a year-end entry date", async () => {
    const text = [":20:X", ":25:123", ":28C:1", ":60F:C231229EUR100,00", ":61:2312310102RC10,00NTRFNONREF", ":61:231231RD2,5NTRFREF1", ":62F:C240102EUR92,50", "-"].join("\r\n");
    const result = expectImported(await importText("x.sta", text), "bank");
    expect(result.rows).toEqual([
      expect.objectContaining({ sourceRow: 5, occurredOn: "2024-01-02", amountMinor: -1000n }),
      expect.objectContaining({ sourceRow: 6, occurredOn: "2023-12-31", amountMinor: 250n, reference: "REF1", balanceMinor: 9250n }),
    ]);
  });
});

describe("malformed statements name the line", () => {
  it("truncated camt.053 XML: the unclosed element's line", async () => {
    const { readFileSync } = await import("node:fs");
    const full = readFileSync(fixturePath("camt/camt053.v8.xml"), "utf8");
    const cut = full.split("\n").slice(0, 130).join("\n"); // inside the Ntry that starts on line 110
    const result = expectFailed(await importText("camt053.xml", cut));
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ code: "STATEMENT_MALFORMED", params: { format: "CAMT.053", problem: "TRUNCATED" }, severity: "error" });
    expect(result.errors[0]?.row).toBeGreaterThanOrEqual(110);
    expect(formatImportError(result.errors[0]!, "en")).toMatch(/^Row \d+: The CAMT\.053 file is incomplete: <\w+> opened here is never closed/);
  });

  it("camt.053 with a mismatched closing tag", async () => {
    const text = '<?xml version="1.0"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">\n<BkToCstmrStmt><Stmt>\n<Ntry><Amt Ccy="EUR">1.00</Amt></Stmt>\n</BkToCstmrStmt></Document>\n';
    const result = expectFailed(await importText("camt053.xml", text));
    expect(result.errors).toEqual([{ row: 4, column: null, code: "STATEMENT_MALFORMED", params: { format: "CAMT.053", problem: "MISMATCHED_TAG", tag: "Stmt" }, severity: "error" }]);
  });

  it("a camt.053 entry with an unreadable amount is rejected on its line", async () => {
    const text = '<?xml version="1.0"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>\n<Ntry><Amt Ccy="EUR">1,000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2024-01-01</Dt></BookgDt></Ntry>\n<Ntry><Amt Ccy="EUR">5.00</Amt><CdtDbtInd>XXXX</CdtDbtInd><BookgDt><Dt>2024-01-01</Dt></BookgDt></Ntry>\n</Stmt></BkToCstmrStmt></Document>\n';
    const result = expectImported(await importText("camt053.xml", text), "bank");
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([
      { row: 3, column: "amount", code: "INVALID_AMOUNT", params: { value: "1,000.00" }, severity: "error" },
      { row: 4, column: "credit/debit", code: "INVALID_DIRECTION", params: { value: "XXXX" }, severity: "error" },
    ]);
  });

  it("an OFX without STMTTRN", async () => {
    const text = "OFXHEADER:100\nDATA:OFXSGML\n\n<OFX>\n<BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD\n<BANKTRANLIST>\n<DTSTART>20240101\n</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1>\n</OFX>\n";
    const result = expectFailed(await importText("empty.ofx", text));
    expect(result.errors).toEqual([{ row: 6, column: null, code: "STATEMENT_MALFORMED", params: { format: "OFX", problem: "NO_TRANSACTIONS", tag: "STMTTRN" }, severity: "error" }]);
    expect(formatImportError(result.errors[0]!, "zh-CN")).toBe("第 6 行：OFX 文件中没有任何交易记录（STMTTRN）。");
  });

  it("an OFX cut off inside a transaction", async () => {
    const text = "OFXHEADER:100\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD<BANKTRANLIST>\n<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240101<TRNAMT>-1.00<FITID>1</STMTTRN>\n<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>2024";
    const result = expectFailed(await importText("cut.ofx", text));
    expect(result.errors).toEqual([expect.objectContaining({ row: 5, code: "STATEMENT_MALFORMED", params: { format: "OFX", problem: "TRUNCATED", tag: "STMTTRN" } })]);
  });

  it("an OFX transaction with a bad TRNAMT or date is rejected on its line, the others imported", async () => {
    const text = "OFXHEADER:100\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD<BANKTRANLIST>\n<STMTTRN><DTPOSTED>20240101<TRNAMT>abc<FITID>1</STMTTRN>\n<STMTTRN><DTPOSTED>2024-13<TRNAMT>1.00<FITID>2</STMTTRN>\n<STMTTRN><DTPOSTED>20240102<TRNAMT>-2.5<FITID>3</STMTTRN>\n</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n";
    const result = expectImported(await importText("bad.ofx", text), "bank");
    expect(result.rows).toEqual([expect.objectContaining({ sourceRow: 6, occurredOn: "2024-01-02", amountMinor: -250n })]);
    expect(result.errors).toEqual([
      { row: 4, column: "amount", code: "INVALID_AMOUNT", params: { value: "abc" }, severity: "error" },
      { row: 5, column: "date", code: "INVALID_DATE", params: { value: "2024-13" }, severity: "error" },
    ]);
  });

  it("an MT940 :61: with a bad amount is rejected on its line", async () => {
    const text = [":20:X", ":25:123", ":60F:C240101EUR0,00", ":61:240102D12X,5NTRFNONREF", ":86:bad", ":61:240103C1,NTRFNONREF", ":62F:C240103EUR1,00", "-"].join("\n");
    const result = expectImported(await importText("x.sta", text), "bank");
    expect(result.rows).toEqual([expect.objectContaining({ sourceRow: 6, amountMinor: 100n })]);
    expect(result.errors).toEqual([{ row: 4, column: "amount", code: "INVALID_AMOUNT", params: { value: "12X,5" }, severity: "error" }]);
    expect(formatImportError(result.errors[0]!, "en")).toContain("Row 4, column “amount”");
  });

  it("an MT940 without :61: lines", async () => {
    const text = [":20:X", ":25:123", ":60F:C240101EUR0,00", ":62F:C240101EUR0,00", "-"].join("\n");
    const result = expectFailed(await importText("x.sta", text));
    expect(result.errors).toEqual([{ row: 1, column: null, code: "STATEMENT_MALFORMED", params: { format: "MT940", problem: "NO_TRANSACTIONS", tag: ":61:" }, severity: "error" }]);
  });

  it("a statement under a forced other format or an orders-only page is refused", async () => {
    const forced = expectFailed(await importPath(fixturePath("ofx/checking.ofx"), { format: "icbc-statement" }));
    expect(forced.errors).toEqual([expect.objectContaining({ code: "HEADER_NOT_FOUND" })]);
    const orders = expectFailed(await importPath(fixturePath("mt940/jejik_abnamro.sta"), { kind: "orders" }));
    expect(orders.errors).toEqual([expect.objectContaining({ code: "WRONG_KIND", params: { format: "mt940-statement", kind: "bank", expectedKind: "orders" } })]);
    const chosen = expectImported(await importPath(fixturePath("camt/camt053.v8.xml"), { format: "camt053-statement", kind: "bank" }), "bank");
    expect(chosen.rows).toHaveLength(1);
  });
});
