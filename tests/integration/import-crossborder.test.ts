// The cross-border samples stored on real PostgreSQL: each lands with its format detected, its rows
// counted as a person would count them (one Shopify order per order, however many line items), a
// re-import adds nothing, and a Stripe payout read from the balance history is not stored again
// when the payouts export lists it.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createFundAccount } from "@/lib/fund-accounts/fund-account-service";
import { importFile } from "@/lib/import-batches/import-file";
import { closePgPool, getPgPool } from "@/lib/db/pg-pool";
import { createStore } from "@/lib/stores/store-service";
import { db, makeOrg, STORE_INPUT } from "./fixtures";

const SAMPLES = path.resolve(process.cwd(), "tests/samples/import");
const sampleSource = (file: string) => fs.createReadStream(path.join(SAMPLES, file));

afterAll(() => closePgPool());

async function orgWithTargets() {
  const org = await makeOrg();
  const paypal = await createFundAccount(db, org, { name: "PayPal", type: "OTHER", institution: "PayPal", accountNumber: null, currency: "USD" });
  const amazon = await createStore(db, org, { ...STORE_INPUT, name: "Amazon US", platform: "AMAZON", currency: "USD" });
  const shopify = await createStore(db, org, { ...STORE_INPUT, name: "Shopify", platform: "SHOPIFY", currency: "USD" });
  const stripe = await createStore(db, org, { ...STORE_INPUT, name: "Stripe", platform: "OTHER", currency: "USD" });
  return { org, paypal, amazon, shopify, stripe };
}

type Target = "paypal" | "amazon" | "shopify" | "stripe";

describe("importing the cross-border samples", () => {
  // Rows stored, counted by hand from each sample: Amazon 11 lines (13 rows, 2 quantity-only);
  // Shopify 5 orders from 8 line item rows; PayPal 7 movements (8 rows, 1 Memo); Stripe 11 lines
  // (6 rows, 5 with a fee); the itemized report 5 lines; payouts 2 (1 failed).
  const cases: [string, string, Target, number][] = [
    ["amazon-settlement-flat-file.txt", "amazon-settlement-flat-file", "amazon", 11],
    ["shopify-orders-export.csv", "shopify-orders", "shopify", 5],
    ["paypal-activity.csv", "paypal-activity", "paypal", 7],
    ["paypal-activity-custom.csv", "paypal-activity", "paypal", 5],
    ["stripe-balance-history.csv", "stripe-balance-history", "stripe", 11],
    ["stripe-balance-change-itemized.csv", "stripe-balance-history", "stripe", 5],
    ["stripe-payouts.csv", "stripe-payouts", "stripe", 2],
  ];

  it.each(cases)("%s → %s, %s rows stored once", async (file, format, targetName, count) => {
    const targets = await orgWithTargets();
    const target = targets[targetName];
    const ids = targetName === "paypal" ? { fundAccountId: target.id } : { storeId: target.id };
    const first = await importFile(db, getPgPool(), targets.org, { fileName: file, source: sampleSource(file), ...ids, skipInvalid: true });
    expect(first).toMatchObject({ format, status: "COMMITTED", inserted: count, duplicates: 0 });
    const again = await importFile(db, getPgPool(), targets.org, { fileName: file, source: sampleSource(file), ...ids, skipInvalid: true });
    expect(again).toMatchObject({ status: "COMMITTED", inserted: 0, duplicates: count });
  });

  it("stores a Stripe payout once when both the balance history and the payouts export list it", async () => {
    const { org, stripe } = await orgWithTargets();
    const history = await importFile(db, getPgPool(), org, { fileName: "balance.csv", source: sampleSource("stripe-balance-history.csv"), storeId: stripe.id, skipInvalid: true });
    expect(history).toMatchObject({ status: "COMMITTED", inserted: 11 });
    const payouts = await importFile(db, getPgPool(), org, { fileName: "payouts.csv", source: sampleSource("stripe-payouts.csv"), storeId: stripe.id, skipInvalid: true });
    expect(payouts).toMatchObject({ status: "COMMITTED", inserted: 1, duplicates: 1 });
    const withdrawals = await db.settlementLine.findMany({ where: { orgId: org.orgId, lineType: "WITHDRAWAL" }, orderBy: { payoutId: "asc" } });
    expect(withdrawals.map((line) => [line.payoutId, line.amountMinor])).toEqual([
      ["po_1Q9bKp2eZvKYlo2CwX7sR4mN", -5680n],
      ["po_1QB1xY2eZvKYlo2CaB3cD4eF", -25000n],
    ]);
  });

  it("stores one Shopify order per order number with its Total, not one per line item", async () => {
    const { org, shopify } = await orgWithTargets();
    await importFile(db, getPgPool(), org, { fileName: "orders_export.csv", source: sampleSource("shopify-orders-export.csv"), storeId: shopify.id, skipInvalid: true });
    const orders = await db.order.findMany({ where: { orgId: org.orgId }, orderBy: { orderNo: "asc" } });
    expect(orders.map((order) => [order.orderNo, order.paidAmountMinor, order.refundMinor])).toEqual([
      ["#1001", 3498n, 0n],
      ["#1002", 4500n, 1000n],
      ["#1003", 0n, 0n],
      ["#1004", 0n, 0n],
      ["#1005", 9498n, 0n],
    ]);
  });
});
