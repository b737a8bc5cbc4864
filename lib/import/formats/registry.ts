// Every known source format. Auto-detection scores a header against all of them and keeps the best;
// on a tie the earlier entry wins, so specific layouts come before the generic one.
import type { AnyFormatAdapter } from "./format-adapter";
import { alipayAccountLedger } from "./alipay-account-ledger";
import { alipayTransactions } from "./alipay-transactions";
import { alipayTransactionsLegacy } from "./alipay-transactions-legacy";
import { amazonSettlementV2 } from "./amazon-settlement-v2";
import { bocStatement } from "./boc-statement";
import { camt052Report } from "./camt052-report";
import { camt053Statement } from "./camt053-statement";
import { camt054Notification } from "./camt054-notification";
import { ccbStatement } from "./ccb-statement";
import { cmbStatement } from "./cmb-statement";
import { douyinOrders } from "./douyin-orders";
import { genericBank } from "./generic-bank";
import { icbcStatement } from "./icbc-statement";
import { jdOrders } from "./jd-orders";
import { mt940Statement } from "./mt940-statement";
import { ofxStatement } from "./ofx-statement";
import { pddAccountLedger } from "./pdd-account-ledger";
import { pddOrders } from "./pdd-orders";
import { shopifyPayments } from "./shopify-payments";
import { tmallOrders } from "./tmall-orders";
import { wechatPayBill } from "./wechat-pay-bill";
import type { ImportKind } from "../types";

const FORMATS: readonly AnyFormatAdapter[] = [
  // wallets
  alipayTransactions,
  alipayTransactionsLegacy,
  alipayAccountLedger,
  wechatPayBill,
  // banks
  icbcStatement,
  ccbStatement,
  cmbStatement,
  bocStatement,
  // bank statement files that are not tables (parsed whole, see statements/)
  ofxStatement,
  camt053Statement,
  camt052Report,
  camt054Notification,
  mt940Statement,
  // platforms
  tmallOrders,
  pddOrders,
  jdOrders,
  douyinOrders,
  pddAccountLedger,
  amazonSettlementV2,
  shopifyPayments,
  // catch-all, last
  genericBank,
];

export function listFormats(kind?: ImportKind): readonly AnyFormatAdapter[] {
  return kind ? FORMATS.filter((format) => format.kind === kind) : FORMATS;
}

export function findFormat(id: string): AnyFormatAdapter | undefined {
  return FORMATS.find((format) => format.id === id);
}
