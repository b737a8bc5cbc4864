// Writes the credit-card statement samples in tests/samples/import (run: npx tsx
// tests/samples/import/scripts/write-card-samples.ts). Each is a faithful synthetic copy of a real
// layout — its title line, header, encoding, line ends, date and number formats — with invented rows;
// tests/unit/import/samples-cards.test.ts cites where each layout comes from. The CITIC statement is a
// real BIFF8 .xls written with SheetJS, as the bank's site serves it.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as XLSX from "@e965/xlsx";
import iconv from "iconv-lite";

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const write = (name: string, data: Buffer) => writeFileSync(path.join(dir, name), data);
const text = (lines: string[], eol: string) => lines.join(eol) + eol;

// CMB 自助对账 CSV: GBK with CRLF line ends; "MM/DD" dates under a title naming the statement month.
write(
  "cmb-credit-card-statement.csv",
  iconv.encode(
    text(
      [
        "招商银行信用卡对账单（个人消费卡账户 2025年01月）",
        "交易日,记账日,交易摘要,人民币金额,卡号末四位,交易地金额",
        ",12/29,掌上生活还款,-1500.00,4321,-1500.00",
        "12/30,12/31,财付通-示例便利店,23.50,4321,23.50",
        '01/02,01/03,支付宝-示例文具店,"1,280.00",4321,"1,280.00(CN)"',
        "01/03,01/04,手机银行饭票,-3.90,8765,-3.90(CN)",
        "01/05,01/07,示例通信公司,100.00,4321,100.00(CN)",
      ],
      "\r\n",
    ),
    "gbk",
  ),
);

// BOC credit-card statement CSV (UTF-8): title, then 存入/支出 columns, 币种 per row.
write(
  "boc-credit-card-statement.csv",
  Buffer.from(
    text(
      [
        "中国银行信用卡账单(2025年01月)",
        "交易日,银行记账日,卡号后四位,交易描述,存入,支出,币种",
        "2024-12-13,2024-12-14,4260,示例公共交通卡CHN,,50.00,CNY",
        "2024-12-20,2024-12-20,,存款利息,0.01,,CNY",
        "2024-12-20,2024-12-20,2875,银联入账-还款,361.19,,CNY",
        "2024-12-24,2024-12-25,2875,网银在线-示例商城CHN,,468.32,CNY",
        "2024-12-24,2024-12-25,2875,网银在线CHN,70.48,,CNY",
        "2024-12-22,2024-12-24,2875,EXAMPLE*GAMESJPN,,3.72,USD",
      ],
      "\n",
    ),
    "utf8",
  ),
);

// BOCOM 买单吧 reissued statement CSV (UTF-8): unsigned "CNY 12.34" amounts, type as the first word.
write(
  "bocom-credit-card-statement.csv",
  Buffer.from(
    text(
      [
        "交易日期,记账日期,交易说明,交易币种/金额,入账币种/金额",
        "2025-01-10,2025-01-10,退货 支付宝-示例出行,CNY 123.18,CNY 123.18",
        "2025-01-29,2025-01-29,信用卡还款 转账还款-张三 6666 支付宝-张三,CNY 666.60,CNY 666.60",
        "2025-01-11,2025-01-12,消费 示例外卖平台,CNY 2.99,CNY 2.99",
        '2025-01-13,2025-01-13,消费 京东商城平台商户,"CNY 1,010.00","CNY 1,010.00"',
        "2025-01-17,2025-01-17,分期扣款 第3/12期,CNY 300.00,CNY 300.00",
        "2025-01-18,2025-01-18,刷卡金返还 活动奖励,CNY 5.00,CNY 5.00",
      ],
      "\n",
    ),
    "utf8",
  ),
);

// CITIC 本期账单明细 .xls (BIFF8): a merged title row, the header, rows newest first; dates as text,
// amounts as numbers.
{
  const rows: (string | number)[][] = [
    ["本期账单明细(人民币)"],
    ["交易日期", "入账日期", "交易描述", "卡末四位", "交易币种", "结算币种", "交易金额", "结算金额"],
    ["2024-11-09", "2024-11-09", "支付宝－示例出行科技有限公司", "1234", "人民币", "人民币", 5.9, 5.9],
    ["2024-11-09", "2024-11-09", "0.2元现金奖励-笔笔返0.2元", "1234", "人民币", "人民币", -0.2, -0.2],
    ["2024-11-03", "2024-11-03", "财付通－示例商城平台商户", "1234", "人民币", "人民币", 807.89, 807.89],
    ["2024-10-20", "2024-10-21", "财付通还款", "1234", "人民币", "人民币", -1.21, -1.21],
    ["2024-10-20", "2024-10-20", "公共事业缴费（电费）", "1234", "人民币", "人民币", 20.16, 20.16],
  ];
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  sheet["!merges"] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 7 } }];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, "Sheet1");
  write("citic-credit-card-statement.xls", XLSX.write(book, { type: "buffer", bookType: "biff8" }) as Buffer);
}

// CGB CSV (UTF-8): bracketed type at the start of 交易摘要, spending positive, "2025/01/05" dates.
write(
  "cgb-credit-card-statement.csv",
  Buffer.from(
    text(
      [
        "交易日期,入账日期,交易摘要,交易金额,交易货币,入账金额,入账货币",
        "2025/01/05,2025/01/06,（消费）示例商户A,15.90,人民币,15.90,人民币",
        "2025/01/04,2025/01/04,（退款）示例商户B,-97.20,人民币,-97.20,人民币",
        "2025/01/03,2025/01/03,（分期）银联分期00000000000/10/12期,387.42,人民币,387.42,人民币",
        "2024/12/25,2024/12/26,（还款）云闪付 银联入账-张三,-1130.68,人民币,-1130.68,人民币",
        "2024/12/20,2024/12/21,（消费）EXAMPLE STORE,100.00,美元,720.50,人民币",
      ],
      "\n",
    ),
    "utf8",
  ),
);

// A card statement of a bank with no layout of its own (GBK, CRLF): the generic card layout signs
// each row by 交易类型 alone; one row's type (调整) says no direction and is rejected.
write(
  "generic-card-statement.csv",
  iconv.encode(
    text(
      [
        "示例银行信用卡交易明细",
        "卡号：6258 **** **** 4321",
        "账单周期：2025-01-01 至 2025-01-31",
        "交易日期,记账日期,交易类型,交易描述,记账金额,记账币种",
        "2025-01-03,2025-01-04,消费,示例超市,100.00,人民币",
        "2025-01-05,2025-01-05,还款,手机银行还款,-2000.00,人民币",
        "2025-01-08,2025-01-09,退货,示例超市,30.00,人民币",
        "2025-01-10,2025-01-10,年费,金卡年费,200.00,人民币",
        "2025-01-12,2025-01-12,调整,系统调整,5.00,人民币",
        "2025-01-15,2025-01-16,取现,ATM取现,500.00,人民币",
      ],
      "\r\n",
    ),
    "gbk",
  ),
);
