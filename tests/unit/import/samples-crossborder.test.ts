// Cross-border layouts (Amazon legacy flat file, Shopify orders, PayPal activity, Stripe balance and
// payouts) as faithful synthetic samples in tests/samples/import: the real headers, cell shapes and
// encodings from the public sources cited in each block, a handful of invented rows. Every expected
// figure below is worked out by hand from the sample's cells, not read back from the adapter.
import { describe, expect, it } from "vitest";
import { listFormats } from "@/lib/import";
import { paypalDate } from "@/lib/import/formats/paypal-activity";
import { withDecimalPoint } from "@/lib/import/formats/shared/decimal-mark";
import { expectImported, importPath, importText, rowAt, samplePath } from "./helpers";

describe("Amazon legacy flat-file settlement report (sample: amazon-settlement-flat-file.txt, TSV)", () => {
  // Layout source: the 36-column header of _GET_FLAT_FILE_PAYMENT_SETTLEMENT_DATA_ in
  // caponica/AmazonMwsComplete src/CaponicaAmazonMwsComplete/Domain/Report/ReportSettlementFlatFile.php
  // (EXPECTED_FIELD_COUNT = 36), and the rows in fluxxu/mws-rs src/tdff.rs: a summary row with
  // settlement dates like "2015-12-02T03:27:08+00:00", total-amount and currency only; a row that only
  // carries quantity-purchased; then one typed amount per row ("Principal" 27.99 under price-type /
  // price-amount, "FBAPerOrderFulfillmentFee" -1.00 under item-related-fee-type / -amount). Amazon's
  // SP-API report-type page (developer-docs.amazon.com, report-type-values-settlement) names this the
  // "Flat File Settlement Report" and the condensed one "Flat File V2"; Amazon's field definitions
  // (quoted on a Seller Central forum) give dates as "2003-10-03T16:00:00-07:00".
  it("turns each typed amount into a line and the summary into the withdrawal of total-amount", async () => {
    const result = expectImported(await importPath(samplePath("amazon-settlement-flat-file.txt")), "settlement");
    expect(result.format.id).toBe("amazon-settlement-flat-file");
    expect(result.header).toHaveLength(36);
    expect(result.rows.map((row) => [row.sourceRow, row.lineType, row.amountMinor])).toEqual([
      [2, "WITHDRAWAL", -2598n],
      [4, "SALE", 3999n],
      [5, "SALE", 320n],
      [6, "COMMISSION", -600n],
      [7, "SERVICE_FEE", -322n],
      [8, "PROMOTION", -200n],
      [9, "REFUND", -1999n],
      [10, "COMMISSION", 300n],
      [12, "SALE", 5999n],
      [13, "COMMISSION", -900n],
      [14, "OTHER", -3999n],
    ]);
    // Rows 3 and 11 only carry the quantity: no money, no line.
    expect(result.stats.skippedRows).toBe(2);
    expect(rowAt(result.rows, 2)).toMatchObject({ occurredOn: "2026-03-18", occurredAt: "2026-03-18T08:11:54", payoutId: "7123456789", currency: "USD" });
    expect(rowAt(result.rows, 4)).toMatchObject({
      occurredOn: "2026-03-03",
      occurredAt: "2026-03-03T10:20:31",
      orderNo: "112-3456789-0123456",
      payoutId: "7123456789",
      reference: "40512378561234",
      memo: "Order / ItemPrice / Principal / demo-desk-lamp",
    });
    expect(rowAt(result.rows, 9)).toMatchObject({ orderNo: "112-3456789-0123456", reference: "amzn1.adj.0001" });
    // The lines sum to the settlement total, so with the withdrawal the settlement nets to zero.
    expect(result.rows.reduce((sum, row) => sum + row.amountMinor, 0n)).toBe(0n);
  });

  it("does not read V2 files, nor V2 this layout", async () => {
    const v2 = "settlement-id\tsettlement-start-date\tsettlement-end-date\tdeposit-date\ttotal-amount\tcurrency\ttransaction-type\torder-id\tamount-type\tamount-description\tamount\tposted-date\n1\t\t\t2026-01-02\t1.00\tUSD\t\t\t\t\t\t\n";
    const result = expectImported(await importText("v2.txt", v2), "settlement");
    expect(result.format.id).toBe("amazon-settlement-v2");
  });
});

describe("Shopify orders export (sample: shopify-orders-export.csv)", () => {
  // Layout source: the column list of orders_export.csv in jadwro/allegro_csv_parser
  // src/Shopify/types/ShopifyOrderTypeCSV.ts (Name … Cancelled at, Payment Method, Payment Reference,
  // Refunded Amount, Vendor, Outstanding Balance, Employee, Location, Device ID, Id, Tags, Risk Level,
  // Source, Lineitem discount, Phone, Receipt Number, …, Payment ID, Payment References), the Tax 1 Name /
  // Tax 1 Value columns and the order-level fields being optional (filled on the first line item only)
  // in laplace-live/shopify-csv-converter src/types/index.d.ts, and the older 48-column header with
  // dates like "2012-01-01 11:13:25 -0500" in thoughtbot/upcase spec/lib/shopify_importer_spec.rb.
  it("stores each order once, from its first line item row, with paid and refunded amounts", async () => {
    const result = expectImported(await importPath(samplePath("shopify-orders-export.csv")), "orders");
    expect(result.format.id).toBe("shopify-orders");
    // 8 line item rows, 5 orders: #1001 has 2 rows and #1005 has 3.
    expect(result.stats.dataRows).toBe(8);
    expect(result.rows.map((row) => row.orderNo)).toEqual(["#1001", "#1002", "#1003", "#1004", "#1005"]);
    expect(result.rows.map((row) => row.naturalKey)).toEqual(["shopify:#1001", "shopify:#1002", "shopify:#1003", "shopify:#1004", "shopify:#1005"]);
    expect(rowAt(result.rows, 2)).toEqual({
      sourceRow: 2,
      orderNo: "#1001",
      status: "paid",
      paidAmountMinor: 3498n,
      refundMinor: 0n,
      currency: "USD",
      createdAt: "2026-05-01T09:58:12",
      paidAt: "2026-05-01T10:00:00",
      naturalKey: "shopify:#1001",
    });
    expect(rowAt(result.rows, 4)).toMatchObject({ status: "partially_refunded", afterSaleStatus: "partially_refunded", paidAmountMinor: 4500n, refundMinor: 1000n });
    // Pending bank deposit: nothing paid yet (Outstanding Balance 20.00, no Paid at).
    expect(rowAt(result.rows, 5)).toMatchObject({ status: "pending", paidAmountMinor: 0n });
    expect(rowAt(result.rows, 5).paidAt).toBeUndefined();
    expect(rowAt(result.rows, 6)).toMatchObject({ status: "Cancelled", paidAmountMinor: 0n });
    // Three line items (49.99 + 2 × 10.00 + 19.99, less 5.00, plus 4.99 shipping and 5.01 tax): the
    // order's Total once, not once per line.
    expect(rowAt(result.rows, 7)).toMatchObject({ orderNo: "#1005", paidAmountMinor: 9498n, paidAt: "2026-05-07T21:05:59" });
    const paid = result.rows.reduce((sum, row) => sum + row.paidAmountMinor, 0n);
    expect(paid).toBe(3498n + 4500n + 9498n);
  });

  it("is not taken for Shopify Payments transactions, nor they for orders", async () => {
    const payments = expectImported(await importPath(samplePath("shopify-payment-transactions.csv")), "settlement");
    expect(payments.format.id).toBe("shopify-payments");
  });
});

describe("PayPal activity download (sample: paypal-activity.csv, UTF-8 with BOM)", () => {
  // Layout source: the 41-column 2018 header and a row quoted in simonmichael/hledger
  // examples/csv/paypal-2018.csv.rules — every cell quoted, "1/1/2018" (month first, "date-format
  // %-m/%-d/%Y"), "PST", Gross "-6.99", Fee "0.00", Net "-6.99", Balance "0.00", Balance Impact "Debit".
  // Fees are written negative on received payments ("500.00","-14.80","485.20" in public PayPal
  // importers' tests); a Memo row ("General Authorization","Pending") leaves the balance unchanged.
  it("signs Net as printed, keeps the fee, skips Memo rows and follows each currency's balance", async () => {
    const result = expectImported(await importPath(samplePath("paypal-activity.csv")), "bank");
    expect(result.format.id).toBe("paypal-activity");
    expect(result.header).toHaveLength(41);
    expect(rowAt(result.rows, 2)).toEqual({
      sourceRow: 2,
      occurredOn: "2026-01-03",
      occurredAt: "2026-01-03T09:14:02",
      amountMinor: 11622n,
      currency: "USD",
      balanceMinor: 111622n,
      reference: "5TY05013RG002845M",
      counterparty: "Jamie Buyer",
      counterpartyAccount: "jamie.buyer@example.com",
      memo: "Express Checkout Payment / Walnut desk organizer",
      merchantOrderNo: "INV-2026-0007",
      feeMinor: 378n,
      naturalKey: "paypal:5TY05013RG002845M:USD",
    });
    // The authorisation (Balance Impact Memo) moved nothing.
    expect(result.rows.some((row) => row.sourceRow === 3)).toBe(false);
    expect(result.errors).toContainEqual({ row: 3, column: "Balance Impact", code: "ROW_SKIPPED_NO_MONEY_MOVED", params: { status: "Pending / Memo" }, severity: "warning" });
    expect(rowAt(result.rows, 4)).toMatchObject({ occurredOn: "2026-01-05", amountMinor: -4292n, counterparty: "Acme Parts Inc", counterpartyAccount: "billing@acme-parts.example", secondaryReference: "91C639911G078574E" });
    // A refund: PayPal gives part of the fee back (Fee +0.59), so the fee is kept as −59.
    expect(rowAt(result.rows, 5)).toMatchObject({ occurredOn: "2026-01-14", amountMinor: -1941n, feeMinor: -59n, balanceMinor: 105389n });
    expect(rowAt(result.rows, 6)).toMatchObject({ amountMinor: -100000n, balanceMinor: 5389n, memo: "General Withdrawal / Withdrawal to bank account ending 4821" });
    expect(rowAt(result.rows, 7)).toMatchObject({ occurredOn: "2026-01-25", amountMinor: 4790n, currency: "EUR", feeMinor: 210n, balanceMinor: 4790n });
    expect(rowAt(result.rows, 9)).toMatchObject({ amountMinor: 5173n, currency: "USD", balanceMinor: 10562n });

    // Balance chain, per currency, starting from the balance before the first row (1,000.00 USD, 0 EUR).
    const opening: Record<string, bigint> = { USD: 100000n, EUR: 0n };
    const running = { ...opening };
    for (const row of result.rows) {
      running[row.currency] = (running[row.currency] ?? 0n) + row.amountMinor;
      expect([row.sourceRow, row.balanceMinor]).toEqual([row.sourceRow, running[row.currency]]);
    }
    expect(running).toEqual({ USD: 10562n, EUR: 0n });
  });

  it("reads the custom column selection, where card top-ups are their own Pending rows", async () => {
    // Layout source: simonmichael/hledger examples/csv/other/paypal-custom.csv — 19 columns ("Date",
    // "Time","TimeZone","Name","Type","Status","Currency","Gross","Fee","Net","From Email Address","To
    // Email Address","Transaction ID","Item Title","Item ID","Reference Txn ID","Receipt ID","Balance",
    // "Note"), no Balance Impact; each payment by card is followed by a "Bank Deposit to PP Account "
    // row (Status Pending, trailing space) that brings the balance back to 0.00; "10/01/2019" with PDT.
    const result = expectImported(await importPath(samplePath("paypal-activity-custom.csv")), "bank");
    expect(result.format.id).toBe("paypal-activity");
    expect(result.rows.map((row) => [row.sourceRow, row.occurredOn, row.amountMinor, row.balanceMinor])).toEqual([
      [2, "2026-10-02", -699n, -699n],
      [3, "2026-10-02", 699n, 0n],
      [4, "2026-10-19", -200n, -200n],
      [5, "2026-10-19", 200n, 0n],
      [6, "2026-10-22", 941n, 941n],
    ]);
    expect(rowAt(result.rows, 3)).toMatchObject({ memo: "Bank Deposit to PP Account", secondaryReference: "4BC12345DE6789012" });
    expect(rowAt(result.rows, 6)).toMatchObject({ feeMinor: 59n, counterparty: "Kind Supporter", counterpartyAccount: "supporter@example.net" });
    let balance = 0n;
    for (const row of result.rows) {
      balance += row.amountMinor;
      expect([row.sourceRow, row.balanceMinor]).toEqual([row.sourceRow, balance]);
    }
  });

  it("says so when Net is not Gross plus Fee, and books Gross plus Fee", async () => {
    const text = [
      '"Date","Time","TimeZone","Name","Type","Status","Currency","Gross","Fee","Net","Transaction ID","Balance"',
      '"2/2/2026","10:00:00","PST","Jane Client","Invoice Payment","Completed","USD","10.00","-0.59","9.50","X1","9.41"',
    ].join("\n");
    const result = expectImported(await importText("Download.CSV", text), "bank");
    expect(rowAt(result.rows, 2)).toMatchObject({ amountMinor: 941n, feeMinor: 59n, balanceMinor: 941n });
    expect(result.errors).toEqual([{ row: 2, column: "Net", code: "NET_AMOUNT_MISMATCH", params: { amount: "10.00", fee: "0.59", net: "9.50" }, severity: "warning" }]);
  });

  it("reads day-first dates and decimal commas, and refuses a date it cannot place", async () => {
    expect(paypalDate("1/3/2026", "PDT")).toEqual({ date: "2026-01-03" });
    expect(paypalDate("1/3/2026", "GMT")).toEqual({ date: "2026-03-01" });
    expect(paypalDate("26/06/2026", "PST")).toEqual({ date: "2026-06-26" });
    expect(paypalDate("07.09.2026", "Europe/Berlin")).toEqual({ date: "2026-09-07" });
    expect(paypalDate("1/3/2026", "HKT")).toBe("ambiguous");
    // Abbreviations of more than one zone decide nothing (China's CST, Malaysia's MST, India's IST).
    for (const zone of ["CST", "MST", "IST"]) expect(paypalDate("1/3/2026", zone)).toBe("ambiguous");
    expect(withDecimalPoint("-1.234,56", 2)).toBe("-1234.56");
    expect(withDecimalPoint("24,90", 2)).toBe("24.90");
    expect(withDecimalPoint("1,234.56", 2)).toBe("1,234.56");
    expect(withDecimalPoint("1,234", 0)).toBe("1,234");
    const header = '"Date","Time","TimeZone","Name","Type","Status","Currency","Gross","Fee","Net","Transaction ID","Balance","Balance Impact"';
    const text = [
      header,
      '"02/10/2026","09:40:00","CEST","Shop Example","Express Checkout Payment","Completed","EUR","1.250,00","-43,05","1.206,95","T1","1.206,95","Credit"',
      '"03/10/2026","10:00:00","HKT","Shop Example","Express Checkout Payment","Completed","EUR","-5,00","0,00","-5,00","T2","1.201,95","Debit"',
      '"13/10/2026","10:00:00","HKT","Shop Example","Express Checkout Payment","Completed","JPY","1,500","0","1,500","T3","1,500","Credit"',
    ].join("\n");
    const result = expectImported(await importText("Download.CSV", text), "bank");
    expect(result.format.id).toBe("paypal-activity");
    expect(rowAt(result.rows, 2)).toMatchObject({ occurredOn: "2026-10-02", amountMinor: 120695n, feeMinor: 4305n, balanceMinor: 120695n });
    // 03/10 with an Asian time zone could be 3 October or 10 March: refused, never guessed.
    expect(result.errors).toContainEqual({ row: 3, column: "Date", code: "INVALID_DATE", params: { value: "03/10/2026" }, severity: "error" });
    // Yen have no minor unit: "1,500" is 1500 yen.
    expect(rowAt(result.rows, 4)).toMatchObject({ occurredOn: "2026-10-13", amountMinor: 1500n, currency: "JPY", balanceMinor: 1500n });
  });

  it("rejects a row whose Balance Impact contradicts its sign", async () => {
    const text = [
      '"Date","Time","TimeZone","Name","Type","Status","Currency","Gross","Fee","Net","Transaction ID","Balance","Balance Impact"',
      '"1/20/2026","08:02:31","PST","","General Withdrawal","Completed","USD","-100.00","0.00","-100.00","W1","0.00","Credit"',
    ].join("\n");
    const result = await importText("Download.CSV", text);
    expect(result.rows).toEqual([]);
    expect(result.errors).toContainEqual({ row: 2, column: "Balance Impact", code: "INVALID_DIRECTION", params: { value: "Credit" }, severity: "error" });
  });
});

describe("Stripe balance history (samples: stripe-balance-history.csv, stripe-balance-change-itemized.csv)", () => {
  // Layout sources: the dashboard export "id,Type,Source,Amount,Fee,Net,Currency,Created (UTC),
  // Available On (UTC),Description,Customer Facing Amount,Customer Facing Currency,Transfer,Transfer
  // Date (UTC)" with real rows (charge fee written positive; "refund,ch_…,-249.00,-7.52,-241.48";
  // lowercase "usd"; dates "2016-07-25 15:34") in imazen/reunion lib/reunion/parsers/parsers_stripe.rb;
  // the itemized "Balance change from activity" report ("balance_transaction_id","created_utc",
  // "available_on_utc","currency","gross","fee","net","reporting_category","description", every cell
  // quoted) in simonmichael/hledger examples/csv/other/stripe.csv (and stripe.csv.rules).
  it("splits each movement into its gross line and its fee, payouts negative", async () => {
    const result = expectImported(await importPath(samplePath("stripe-balance-history.csv")), "settlement");
    expect(result.format.id).toBe("stripe-balance-history");
    expect(result.rows.map((row) => [row.sourceRow, row.lineType, row.amountMinor])).toEqual([
      [2, "SALE", 3000n],
      [2, "SERVICE_FEE", -117n],
      [3, "SALE", 12000n],
      [3, "SERVICE_FEE", -378n],
      [4, "REFUND", -5000n],
      [4, "SERVICE_FEE", 175n],
      [5, "ADJUSTMENT", -2500n],
      [5, "SERVICE_FEE", -1500n],
      [6, "WITHDRAWAL", -5680n],
      [7, "SALE", 4500n],
      [7, "SERVICE_FEE", -161n],
    ]);
    expect(rowAt(result.rows, 2)).toMatchObject({
      occurredOn: "2026-04-23",
      occurredAt: "2026-04-23T21:56:00",
      currency: "USD",
      payoutId: "po_1Q9bKp2eZvKYlo2CwX7sR4mN",
      reference: "ch_3Q8aZk2eZvKYlo2C1a9hYt0d",
      memo: "charge / Invoice 6A1B2C3D-0001",
      naturalKey: "stripe:txn_1Q8aZk2eZvKYlo2C0f3pXb1a",
    });
    expect(rowAt(result.rows, 6)).toMatchObject({ payoutId: "po_1Q9bKp2eZvKYlo2CwX7sR4mN", naturalKey: "stripe:payout:po_1Q9bKp2eZvKYlo2CwX7sR4mN" });
    expect(rowAt(result.rows, 7).payoutId).toBeUndefined();
    // Everything the payout took out: 28.83 + 116.22 − 48.25 − 40.00 = 56.80, so the payout nets to zero.
    const inPayout = result.rows.filter((row) => row.payoutId === "po_1Q9bKp2eZvKYlo2CwX7sR4mN").reduce((sum, row) => sum + row.amountMinor, 0n);
    expect(inPayout).toBe(0n);
    expect(result.errors).toEqual([]);
  });

  it("reads the itemized report too, yen without minor units", async () => {
    const result = expectImported(await importPath(samplePath("stripe-balance-change-itemized.csv")), "settlement");
    expect(result.format.id).toBe("stripe-balance-history");
    expect(result.rows.map((row) => [row.sourceRow, row.lineType, row.amountMinor, row.currency])).toEqual([
      [2, "SALE", 1200n, "USD"],
      [3, "REFUND", -77n, "USD"],
      [4, "SALE", 1500n, "JPY"],
      [4, "SERVICE_FEE", -54n, "JPY"],
      [5, "WITHDRAWAL", -1446n, "JPY"],
    ]);
    expect(rowAt(result.rows, 3)).toMatchObject({ occurredAt: "2026-05-02T08:26:31", memo: "refund / REFUND FOR PAYMENT", naturalKey: "stripe:txn_1QAaBc2eZvKYlo2C7l4cQr8h" });
  });
});

describe("Stripe payouts (sample: stripe-payouts.csv)", () => {
  // Layout source: a Stripe payouts export row quoted in rails/rails guides/source/form_helpers.md
  // (CSV::Row "id":"po_1KE3FRDSYPMwkcNz9SFKuaYd" "Amount":"96.22" "Created (UTC)":"2022-01-04 02:59"
  // "Arrival Date (UTC)":"2022-01-05 00:00" "Status":"paid"). The sample keeps exactly those columns.
  it("takes each payout out of the balance, keyed as the balance history keys it, failed ones skipped", async () => {
    const result = expectImported(await importPath(samplePath("stripe-payouts.csv")), "settlement");
    expect(result.format.id).toBe("stripe-payouts");
    expect(rowAt(result.rows, 2)).toEqual({
      sourceRow: 2,
      occurredOn: "2026-04-29",
      occurredAt: "2026-04-29T01:13:00",
      lineType: "WITHDRAWAL",
      payoutId: "po_1Q9bKp2eZvKYlo2CwX7sR4mN",
      amountMinor: -5680n,
      currency: "USD",
      memo: "payout / paid / arrival 2026-04-30",
      naturalKey: "stripe:payout:po_1Q9bKp2eZvKYlo2CwX7sR4mN",
    });
    expect(rowAt(result.rows, 3)).toMatchObject({ amountMinor: -25000n, payoutId: "po_1QB1xY2eZvKYlo2CaB3cD4eF" });
    expect(result.rows).toHaveLength(2);
    expect(result.errors).toEqual([{ row: 4, column: "Status", code: "ROW_SKIPPED_NO_MONEY_MOVED", params: { status: "failed" }, severity: "warning" }]);
  });
});

describe("detection of the cross-border samples", () => {
  it.each([
    ["amazon-settlement-flat-file.txt", "amazon-settlement-flat-file"],
    ["shopify-orders-export.csv", "shopify-orders"],
    ["paypal-activity.csv", "paypal-activity"],
    ["paypal-activity-custom.csv", "paypal-activity"],
    ["stripe-balance-history.csv", "stripe-balance-history"],
    ["stripe-balance-change-itemized.csv", "stripe-balance-history"],
    ["stripe-payouts.csv", "stripe-payouts"],
  ])("%s is %s by a clear margin, not by registry order", async (file, formatId) => {
    const result = await importPath(samplePath(file));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const scores = listFormats().map((format) => [format.id, format.detect(result.header, result.preamble)] as const);
    const own = scores.find(([id]) => id === formatId)?.[1] ?? 0;
    const others = scores.filter(([id]) => id !== formatId).map(([, score]) => score);
    expect(result.format.id).toBe(formatId);
    expect(own).toBeGreaterThan(Math.max(...others));
  });
});
