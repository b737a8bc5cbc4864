// Per store: which files it produces, in which layout and encoding, and how its rows are named in
// the ground truth. The one place that knows "Tmall → tmall-orders CSV + Alipay ledger" etc.
import type { MonthCalendar } from "./calendar/month-calendar";
import type { FileDescription, ImportTarget } from "./ground-truth/ground-truth-types";
import { ALIPAY_ACCOUNT } from "./stores/store-profiles";
import { alipayEntryNoAtRow, openAlipayLedgerFile, type LedgerFile } from "./layouts/alipay-ledger-file";
import { openDouyinOrdersFile } from "./layouts/douyin-orders-file";
import { openJdOrdersFile } from "./layouts/jd-orders-file";
import type { OrdersFileWriter } from "./layouts/orders-file-writer";
import { openPddLedgerFile } from "./layouts/pdd-ledger-file";
import { openPddOrdersFile } from "./layouts/pdd-orders-file";
import { openTmallOrdersFile } from "./layouts/tmall-orders-file";
import type { SimulatedOrder } from "./simulate/simulated-order";
import type { StoreRun } from "./store-run";

export interface OrdersOutput {
  file: FileDescription;
  open(path: string): OrdersFileWriter;
  orderNo(order: SimulatedOrder): string;
  subOrderNos?: (order: SimulatedOrder) => string[];
  exportRowsOf(order: SimulatedOrder): number;
}

export interface WalletOutput {
  file: FileDescription;
  open(path: string): LedgerFile;
  /** The id the wallet line of an event carries. */
  lineId(event: number): string;
  /** The id on the withdrawal's own line (Alipay: its 账务流水号; PDD: the withdrawal number). */
  withdrawalLineId(row: number, timeSec: number, withdrawalId: string): string;
}

export interface WalletFileSettings {
  bankLabel: string;
  alipayOpeningMinor: number;
  exportSec: number;
}

function storeTarget(run: StoreRun): ImportTarget {
  return { type: "store", key: run.profile.key, name: run.profile.name };
}

export function ordersOutput(run: StoreRun, calendar: MonthCalendar, xlsxMaxRows: number): OrdersOutput {
  const { ids, digests, profile } = run;
  const target = storeTarget(run);
  const name = (ext: string) => `${profile.key}-orders-${calendar.month}.${ext}`;
  const oneRow = () => 1;
  const rowPerItem = (order: SimulatedOrder) => order.items.length;
  switch (profile.key) {
    case "tmall":
      return {
        file: { name: name("csv"), kind: "orders", format: "tmall-orders", encoding: "gbk", storeOrAccount: target },
        open: (path) => openTmallOrdersFile(path, run, calendar),
        orderNo: (order) => ids.tmallOrderNo(order.index),
        exportRowsOf: oneRow,
      };
    case "pdd": {
      const xlsx = run.simulation.exportedCount <= xlsxMaxRows;
      return {
        file: { name: name(xlsx ? "xlsx" : "csv"), kind: "orders", format: "pdd-orders", encoding: xlsx ? "xlsx" : "gb18030", storeOrAccount: target },
        open: (path) => openPddOrdersFile(path, run, calendar, xlsx),
        orderNo: (order) => ids.pddOrderNo(order.index, calendar.shortDateOf(digests.createdSec[order.index]!)),
        exportRowsOf: oneRow,
      };
    }
    case "jd":
      return {
        file: { name: name("csv"), kind: "orders", format: "jd-orders", encoding: "gbk", storeOrAccount: target },
        open: (path) => openJdOrdersFile(path, run, calendar),
        orderNo: (order) => ids.jdOrderNo(order.index),
        exportRowsOf: rowPerItem,
      };
    case "douyin":
      return {
        file: { name: name("csv"), kind: "orders", format: "douyin-orders", encoding: "utf-8-bom", storeOrAccount: target },
        open: (path) => openDouyinOrdersFile(path, run, calendar),
        orderNo: (order) => ids.douyinOrderNo(order.index),
        subOrderNos: (order) => order.items.map((_, k) => ids.douyinSubOrderNo(order.index, k, order.items.length)),
        exportRowsOf: rowPerItem,
      };
  }
}

/** undefined for stores whose platform pays the bank directly (no wallet file). */
export function walletOutput(run: StoreRun, calendar: MonthCalendar, settings: WalletFileSettings): WalletOutput | undefined {
  const { ids, digests, log, profile } = run;
  switch (profile.wallet.kind) {
    case "alipay-ledger":
      return {
        file: {
          name: `alipay-ledger-${calendar.month}.csv`,
          kind: "bank",
          format: "alipay-account-ledger",
          encoding: "gbk",
          storeOrAccount: { type: "fundAccount", key: ALIPAY_ACCOUNT.key, name: ALIPAY_ACCOUNT.name },
        },
        open: (path) =>
          openAlipayLedgerFile(path, run, calendar, {
            accountNumber: ALIPAY_ACCOUNT.accountNumber,
            bankLabel: settings.bankLabel,
            baseOpeningBalanceMinor: settings.alipayOpeningMinor,
            exportSec: settings.exportSec,
          }),
        lineId: (event) => alipayEntryNoAtRow(run, calendar, log.row[event]!, log.time[event]!),
        withdrawalLineId: (row, timeSec) => alipayEntryNoAtRow(run, calendar, row, timeSec),
      };
    case "pdd-ledger":
      return {
        file: { name: `pdd-ledger-${calendar.month}.csv`, kind: "settlement", format: "pdd-account-ledger", encoding: "gb18030", storeOrAccount: storeTarget(run) },
        open: (path) => openPddLedgerFile(path, run, calendar, settings.exportSec),
        lineId: (event) => ids.pddOrderNo(log.order[event]!, calendar.shortDateOf(digests.createdSec[log.order[event]!]!)),
        withdrawalLineId: (_row, _timeSec, withdrawalId) => withdrawalId,
      };
    case "bank-payout":
      return undefined;
  }
}
