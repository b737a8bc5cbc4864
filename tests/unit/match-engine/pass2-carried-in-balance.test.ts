// Pass 2 — a wallet statement's first withdrawal also sweeps the balance carried in from before the
// statement; the printed running balance (Alipay 账户余额) says how much. Every figure below is
// computed by hand from the rows' printed balances.
import { describe, expect, it } from "vitest";
import type { BankTransactionInput } from "@/lib/match-engine";
import { adjustmentsOf, bank, codesOf, idsOf, input, line, onlyProposal, run, unmatchedCodes } from "./helpers";

const at = (day: number, time: string) => ({ occurredOn: `2025-03-0${day}`, occurredAt: `2025-03-0${day}T${time}` });
let sequence = 0;
/** An Alipay 账务明细 row: amount and the balance printed after it. */
const wallet = (amountMinor: bigint, balanceMinor: bigint | undefined, day: number, time: string, memo = amountMinor > 0n ? "交易收入" : "收费 / 天猫佣金"): BankTransactionInput =>
  bank({ accountId: "alipay", amountMinor, memo, ...at(day, time), sequence: ++sequence, ...(balanceMinor === undefined ? {} : { balanceMinor }) });
const withdrawal = (amountMinor: bigint, balanceMinor: bigint | undefined, day: number, time: string) => wallet(-amountMinor, balanceMinor, day, time, "提现 / 提现到银行卡");
const sweeps = { passes: ["MANY_TO_ONE" as const] };

describe("pass 2: the first withdrawal of a wallet statement sweeps the carried-in balance", () => {
  it("ties the lines since the start and the opening balance to a withdrawal that empties the wallet", () => {
    // Opening balance 300.00 (= 400.00 printed after the first row − its 100.00).
    const sale = wallet(10000n, 40000n, 1, "09:00:00");
    const fee = wallet(-500n, 39500n, 1, "09:00:00");
    const out = withdrawal(39500n, 0n, 1, "16:00:00");
    const proposal = onlyProposal(run(input({ bank: [sale, fee, out] }), sweeps), "WALLET_SWEEP");
    expect(idsOf(proposal)).toEqual([sale.id, fee.id, out.id]);
    // Lines −100.00 + 5.00, withdrawal +395.00: the group is short of 300.00, which was carried in (added: −).
    expect(proposal.items.map((item) => item.amountMinor)).toEqual([-10000n, 500n, 39500n]);
    expect(adjustmentsOf(proposal)).toEqual({ CARRIED_IN_BALANCE: -30000n });
    expect(proposal.reasons).toEqual([
      { code: "SWEEP_WITH_CARRIED_IN_BALANCE", params: { lines: "2", fromDate: "2025-03-01", toDate: "2025-03-01", openingMinor: "30000", carriedInMinor: "30000", keptMinor: "0" } },
    ]);
    expect(proposal.autoConfirm).toBe(true);
  });

  it("takes only what the wallet did not keep, when the statement's later sweeps keep the same balance", () => {
    // Opening 500.00; the first withdrawal leaves 200.00, so it took 300.00 of the opening and the 100.00 sale.
    const sale = wallet(10000n, 60000n, 1, "09:00:00");
    const first = withdrawal(40000n, 20000n, 1, "16:00:00");
    const later = wallet(7000n, 27000n, 3, "09:00:00");
    const second = withdrawal(7000n, 20000n, 4, "16:00:00");
    const result = run(input({ bank: [sale, first, later, second] }), sweeps);
    const groups = result.proposals.filter((proposal) => proposal.rule === "WALLET_SWEEP");
    expect(groups.map(idsOf)).toEqual([[later.id, second.id], [sale.id, first.id]]);
    expect(adjustmentsOf(groups[1]!)).toEqual({ CARRIED_IN_BALANCE: -30000n });
    expect(groups[1]!.reasons[0]!.params).toMatchObject({ openingMinor: "50000", carriedInMinor: "30000", keptMinor: "20000" });
    expect(groups.every((group) => group.autoConfirm)).toBe(true);
  });

  it("does not tie a withdrawal that leaves money when nothing shows the wallet keeps that balance", () => {
    const sale = wallet(10000n, 60000n, 1, "09:00:00");
    const first = withdrawal(40000n, 20000n, 1, "16:00:00");
    const result = run(input({ bank: [sale, first] }), sweeps);
    expect(result.proposals).toEqual([]);
    expect(unmatchedCodes(result, "bank", first.id, "upstream")).toEqual(["SWEEP_SUM_MISMATCH", "CARRIED_IN_BALANCE_UNPROVEN", "NO_CANDIDATE"]);
    const note = result.unmatched.bank.find((item) => item.id === first.id && item.direction === "upstream")!.reasons[1]!;
    expect(note.params).toEqual({ openingMinor: "50000", carriedInMinor: "30000", keptMinor: "20000" });
  });

  it("does not tie it when a later exact sweep leaves another balance (a row is missing between them)", () => {
    const sale = wallet(10000n, 60000n, 1, "09:00:00");
    const first = withdrawal(40000n, 20000n, 1, "16:00:00");
    // 230.00 printed after a 70.00 sale: 30.00 arrived on a row that is not here.
    const later = wallet(7000n, 30000n, 3, "09:00:00");
    const second = withdrawal(7000n, 23000n, 4, "16:00:00");
    const result = run(input({ bank: [sale, first, later, second] }), sweeps);
    expect(result.proposals.map(idsOf)).toEqual([[later.id, second.id]]);
    expect(unmatchedCodes(result, "bank", first.id, "upstream")).toContain("CARRIED_IN_BALANCE_UNPROVEN");
  });

  it.each([
    {
      name: "the printed balances do not follow from the amounts",
      rows: () => [wallet(10000n, 40000n, 1, "09:00:00"), wallet(-500n, 39000n, 1, "09:00:00"), withdrawal(39500n, 0n, 1, "16:00:00")],
    },
    { name: "a row prints no balance", rows: () => [wallet(10000n, 40000n, 1, "09:00:00"), wallet(-500n, undefined, 1, "09:00:00"), withdrawal(39500n, 0n, 1, "16:00:00")] },
    { name: "the statement prints no balance at all", rows: () => [wallet(10000n, undefined, 1, "09:00:00"), withdrawal(39500n, undefined, 1, "16:00:00")] },
    // 100.00 of lines and 300.00 at the start cannot make a 410.00 withdrawal (the balance would be −10.00).
    { name: "the withdrawal is more than the opening balance and the lines", rows: () => [wallet(10000n, 40000n, 1, "09:00:00"), withdrawal(41000n, -1000n, 1, "16:00:00")] },
  ])("makes no group when $name", ({ rows }) => {
    const data = rows();
    const result = run(input({ bank: data }), sweeps);
    expect(result.proposals).toEqual([]);
    // Nothing is claimed about carried-in money the balances do not prove.
    expect(unmatchedCodes(result, "bank", data.at(-1)!.id, "upstream")).toEqual(["SWEEP_SUM_MISMATCH", "NO_CANDIDATE"]);
  });

  it("says a withdrawal booked before any line took carried-in money only (no group: no row shows where from)", () => {
    const out = withdrawal(25000n, 0n, 1, "08:00:00");
    const sale = wallet(10000n, 10000n, 1, "09:00:00");
    const result = run(input({ bank: [out, sale] }), sweeps);
    expect(result.proposals).toEqual([]);
    const item = result.unmatched.bank.find((entry) => entry.id === out.id && entry.direction === "upstream")!;
    expect(item.reasons[0]).toEqual({ code: "SWEPT_CARRIED_IN_BALANCE_ONLY", params: { openingMinor: "25000", keptMinor: "0" } });
  });

  it("uses the carried-in balance only for the first withdrawal of the statement", () => {
    const sale = wallet(10000n, 10000n, 1, "09:00:00");
    const first = withdrawal(10000n, 0n, 1, "16:00:00");
    const later = wallet(7000n, 7000n, 3, "09:00:00");
    // 90.00 withdrawn after 70.00 arrived: the 20.00 is not carried in (the wallet was emptied before).
    const second = withdrawal(9000n, -2000n, 4, "16:00:00");
    const result = run(input({ bank: [sale, first, later, second] }), sweeps);
    expect(result.proposals.map(idsOf)).toEqual([[sale.id, first.id]]);
    expect(codesOf(result.proposals[0]!)).toEqual(["SWEEP_SINCE_PREVIOUS_WITHDRAWAL", "SUM_EXACT"]);
  });

  it("sweeps a statement's tail with the next statement's lines when both are in the run (no carried-in part)", () => {
    // March ends after a 50.00 sale the 1 April withdrawal takes with April's 20.00; the wallet keeps 0.
    const marchSale = wallet(10000n, 10000n, 1, "09:00:00");
    const marchOut = withdrawal(10000n, 0n, 1, "16:00:00");
    const tail = wallet(5000n, 5000n, 3, "23:00:00");
    const april = bank({ accountId: "alipay", amountMinor: 2000n, memo: "交易收入", occurredOn: "2025-04-01", occurredAt: "2025-04-01T08:00:00", sequence: 1, balanceMinor: 7000n });
    const aprilOut = bank({ accountId: "alipay", amountMinor: -7000n, memo: "提现 / 提现到银行卡", occurredOn: "2025-04-01", occurredAt: "2025-04-01T10:00:00", sequence: 2, balanceMinor: 0n });
    const result = run(input({ bank: [marchSale, marchOut, tail, april, aprilOut] }), sweeps);
    expect(result.proposals.map(idsOf)).toEqual([[marchSale.id, marchOut.id], [tail.id, april.id, aprilOut.id]]);
    expect(result.proposals.flatMap((proposal) => proposal.adjustments)).toEqual([]);
    // April alone: its first withdrawal takes the 50.00 as carried in (the March tail is not in the run).
    const alone = onlyProposal(run(input({ bank: [april, aprilOut] }), sweeps));
    expect(adjustmentsOf(alone)).toEqual({ CARRIED_IN_BALANCE: -5000n });
  });

  it("leaves a platform bill (PDD 账务明细 prints no balance) as it was", () => {
    const sale = line({ orderNo: "P1", amountMinor: 10000n, ...at(1, "09:00:00"), sequence: 1 });
    const out = line({ lineType: "WITHDRAWAL", payoutId: "TX1", amountMinor: -40000n, ...at(1, "16:00:00"), sequence: 2 });
    const result = run(input({ lines: [sale, out] }), sweeps);
    expect(result.proposals).toEqual([]);
  });

  it("is only a proposal when the rules turn automatic booking off", () => {
    const rows = [wallet(10000n, 40000n, 1, "09:00:00"), withdrawal(40000n, 0n, 1, "16:00:00")];
    const proposal = onlyProposal(run(input({ bank: rows }), { ...sweeps, autoConfirm: { enabled: false } }), "WALLET_SWEEP");
    expect(proposal.autoConfirm).toBe(false);
    expect(codesOf(proposal)).toEqual(["SWEEP_WITH_CARRIED_IN_BALANCE", "AUTO_CONFIRM_DISABLED"]);
  });
});
