// A long id that Excel turned into a number ("3.34988E+18") has lost its last digits: the row is
// rejected naming the cell, never imported under an id that may belong to another order.
import { describe, expect, it } from "vitest";
import { formatImportError } from "@/lib/import";
import { ColumnIndex } from "@/lib/import/normalize/column-names";
import { RowCells } from "@/lib/import/normalize/row-cells";
import { expectImported, importText } from "./helpers";

describe("ids in scientific notation", () => {
  it("reject their row, naming row, column and value; other rows import", async () => {
    const text = ["交易日期,交易金额,账户余额,流水号", "2025-03-01,100.00,100.00,3.34988E+18", "2025-03-02,-20.00,80.00,3349876543210012345"].join("\n");
    const result = await importText("bank.csv", text);
    if (!result.ok) throw new Error("the file as a whole should read");
    expect(result.rows.map((row) => [row.sourceRow, "reference" in row ? row.reference : undefined])).toEqual([[3, "3349876543210012345"]]);
    expect(result.errors).toEqual([{ row: 2, column: "流水号", code: "NUMBER_LOST_DIGITS", params: { value: "3.34988E+18" }, severity: "error" }]);
    expect(formatImportError(result.errors[0]!, "zh-CN")).toContain("15 位有效数字");
  });

  it("are refused in an order export, where the order number keys the row", async () => {
    const header = "订单编号,买家会员名,支付单号,支付详情,买家应付货款,买家应付邮费,买家支付积分,总金额,返点积分,买家实际支付金额,买家实际支付积分,订单状态,买家留言,收货人姓名,收货地址 ,运送方式,联系电话 ,联系手机,订单创建时间,订单付款时间 ,宝贝标题 ,宝贝种类 ,物流单号 ,物流公司,订单备注,宝贝总数量,店铺Id,店铺名称,订单关闭原因,卖家服务费,买家服务费,发票抬头,是否手机订单,分阶段订单信息,特权订金订单id,是否上传合同照片,是否上传小票,是否代付,定金排名,修改后的sku,修改后的收货地址,异常信息,天猫卡券抵扣,集分宝抵扣,是否是O2O交易,新零售交易类型,新零售导购门店id,新零售导购门店名称,新零售发货门店id,新零售发货门店名称,退款金额,预约门店,确认收货时间,打款商家金额,含应开票给个人的个人红包,是否支持家装安装服务,家装安装服务供应商,是否家装分销订单,分销商id,分销商名称,主订单编号";
    const cells = header.split(",").map(() => "");
    cells[0] = "3.34988E+18";
    cells[9] = "109.00";
    cells[11] = "交易成功";
    cells[18] = "2024-03-01 10:15:32";
    const result = await importText("orders.csv", [header, cells.join(",")].join("\n"));
    const failed = result.ok ? result : null;
    expect(failed?.rows ?? []).toEqual([]);
    expect(result.errors).toContainEqual(expect.objectContaining({ row: 2, column: "订单编号", code: "NUMBER_LOST_DIGITS" }));
  });

  it("leave amounts and ordinary numbers alone", async () => {
    const text = ["交易日期,交易金额,账户余额,流水号", "2025-03-01,1200.00,1200.00,12345678901234"].join("\n");
    expect(expectImported(await importText("bank.csv", text), "bank").rows).toEqual([expect.objectContaining({ amountMinor: 120000n, reference: "12345678901234" })]);
  });
});

describe("one error per cell", () => {
  it("does not also call a lost-digits cell missing when an adapter finds no text in it", () => {
    const row = new RowCells(new ColumnIndex(["金额", "订单号"]), ["1.5E+3", "A1"], 7);
    if (row.text("金额") === undefined) row.error("MISSING_VALUE", "金额", {});
    expect(row.issues.map((issue) => [issue.row, issue.column, issue.code])).toEqual([[7, "金额", "NUMBER_LOST_DIGITS"]]);
    row.error("MISSING_VALUE", "订单号", {});
    expect(row.issues).toHaveLength(2);
  });
});
