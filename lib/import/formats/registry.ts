// Every known source format. Auto-detection scores a header against all of them and keeps the best;
// on a tie the earlier entry wins, so specific layouts come before the generic one.
import type { AnyFormatAdapter } from "./format-adapter";
import { abcDebitStatement } from "./abc-debit-statement";
import { alipayAccountLedger } from "./alipay-account-ledger";
import { alipayTransactions } from "./alipay-transactions";
import { alipayTransactionsLegacy } from "./alipay-transactions-legacy";
import { amazonSettlementFlatFile } from "./amazon-settlement-flat-file";
import { amazonSettlementV2 } from "./amazon-settlement-v2";
import { bocStatement } from "./boc-statement";
import { bocomDebitStatement } from "./bocom-debit-statement";
import { camt053Statement } from "./camt053-statement";
import { ccbCorporateStatement } from "./ccb-corporate-statement";
import { bocCreditCardStatement } from "./boc-credit-card-statement";
import { bocomCreditCardStatement } from "./bocom-credit-card-statement";
import { camt052Report } from "./camt052-report";
import { camt054Notification } from "./camt054-notification";
import { ccbStatement } from "./ccb-statement";
import { cgbCreditCardStatement } from "./cgb-credit-card-statement";
import { citicCreditCardStatement } from "./citic-credit-card-statement";
import { cmbCreditCardStatement } from "./cmb-credit-card-statement";
import { cmbStatement } from "./cmb-statement";
import { douyinAccountLedger } from "./douyin-account-ledger";
import { douyinFundFlow } from "./douyin-fund-flow";
import { douyinOrders } from "./douyin-orders";
import { douyinSettlementBill } from "./douyin-settlement-bill";
import { genericBank } from "./generic-bank";
import { icbcCorporateHistoryDetail } from "./icbc-corporate-history-detail";
import { icbcCorporateStatement } from "./icbc-corporate-statement";
import { genericCardStatement } from "./generic-card-statement";
import { icbcStatement } from "./icbc-statement";
import { jdBill } from "./jd-bill";
import { jdOrders } from "./jd-orders";
import { jdSettledBill } from "./jd-settled-bill";
import { jdSettlementDetail } from "./jd-settlement-detail";
import { jdWalletFund } from "./jd-wallet-fund";
import { jdWalletSettlement } from "./jd-wallet-settlement";
import { meituanBill } from "./meituan-bill";
import { mt940Statement } from "./mt940-statement";
import { ofxStatement } from "./ofx-statement";
import { paypalActivity } from "./paypal-activity";
import { pddAccountLedger } from "./pdd-account-ledger";
import { pddOrders } from "./pdd-orders";
import { shopifyOrders } from "./shopify-orders";
import { shopifyPayments } from "./shopify-payments";
import { stripeBalanceHistory } from "./stripe-balance-history";
import { stripePayouts } from "./stripe-payouts";
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
  abcDebitStatement,
  bocomDebitStatement,
  icbcCorporateStatement,
  icbcCorporateHistoryDetail,
  ccbCorporateStatement,
  // credit-card statements: spending is printed positive and stored as money out
  cmbCreditCardStatement,
  bocCreditCardStatement,
  bocomCreditCardStatement,
  citicCreditCardStatement,
  cgbCreditCardStatement,
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
  amazonSettlementFlatFile,
  shopifyPayments,
  shopifyOrders,
  paypalActivity,
  stripeBalanceHistory,
  stripePayouts,
  jdSettlementDetail,
  jdWalletSettlement,
  jdSettledBill,
  jdWalletFund,
  jdBill,
  douyinFundFlow,
  douyinSettlementBill,
  douyinAccountLedger,
  meituanBill,
  // catch-alls, last: any other card statement (scored between generic-bank and every specific layout)
  genericCardStatement,
  genericBank,
];

export function listFormats(kind?: ImportKind): readonly AnyFormatAdapter[] {
  return kind ? FORMATS.filter((format) => format.kind === kind) : FORMATS;
}

export function findFormat(id: string): AnyFormatAdapter | undefined {
  return FORMATS.find((format) => format.id === id);
}
