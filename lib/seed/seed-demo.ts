// The demo company that `npm start` creates on first start, so a new installation has something to
// look at. Idempotent: it does nothing when the demo organization already exists.
import type pg from "pg";
import type { Db } from "@/lib/db/client";
import { atomically } from "@/lib/db/atomically";
import type { FundAccountType, Platform, Role } from "@/lib/db/generated/enums";
import { hashPassword } from "@/lib/auth/password";
import { createOrganizationWithOwner } from "@/lib/orgs/create-organization";
import { seedDemoImports } from "./seed-demo-imports";

export const DEMO_ORG_SLUG = "demo";
export const DEMO_PASSWORD = "demo1234";
export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: "owner@demo.local", name: "王芳（老板）", role: "OWNER" },
  { email: "admin@demo.local", name: "李强（财务主管）", role: "ADMIN" },
  { email: "accountant@demo.local", name: "张敏（会计）", role: "ACCOUNTANT" },
  { email: "reviewer@demo.local", name: "陈静（复核）", role: "REVIEWER" },
  { email: "viewer@demo.local", name: "刘洋（只读）", role: "VIEWER" },
];

const DEMO_STORES: { name: string; platform: Platform; currency: string; settlementTermsDays: number; feeRateBps: number }[] = [
  { name: "天猫旗舰店", platform: "TMALL", currency: "CNY", settlementTermsDays: 0, feeRateBps: 500 },
  { name: "淘宝企业店", platform: "TAOBAO", currency: "CNY", settlementTermsDays: 0, feeRateBps: 60 },
  { name: "京东 POP 店", platform: "JD", currency: "CNY", settlementTermsDays: 15, feeRateBps: 800 },
  { name: "拼多多专营店", platform: "PDD", currency: "CNY", settlementTermsDays: 7, feeRateBps: 60 },
  { name: "抖音小店", platform: "DOUYIN", currency: "CNY", settlementTermsDays: 7, feeRateBps: 500 },
  { name: "Amazon US", platform: "AMAZON", currency: "USD", settlementTermsDays: 14, feeRateBps: 1500 },
];

const DEMO_ACCOUNTS: { name: string; type: FundAccountType; institution: string; accountNumber: string; currency: string }[] = [
  { name: "招商银行基本户", type: "BANK", institution: "招商银行", accountNumber: "6214830012345678", currency: "CNY" },
  { name: "工商银行一般户", type: "BANK", institution: "中国工商银行", accountNumber: "6222021001098765432", currency: "CNY" },
  { name: "支付宝（天猫/淘宝）", type: "ALIPAY", institution: "支付宝", accountNumber: "finance@demo-trading.cn", currency: "CNY" },
  { name: "微信支付商户号", type: "WECHAT", institution: "微信支付", accountNumber: "1601234567", currency: "CNY" },
];

/** Creates the demo company with its people, stores and accounts, then imports a generated month. */
export async function seedDemoCompany(db: Db, pool: pg.Pool): Promise<{ created: boolean; rows: number }> {
  if (await db.organization.findUnique({ where: { slug: DEMO_ORG_SLUG } })) return { created: false, rows: 0 };
  const [owner, ...others] = DEMO_USERS;
  const { org } = await createOrganizationWithOwner(db, {
    companyName: "演示贸易有限公司",
    slug: DEMO_ORG_SLUG,
    owner: { name: owner!.name, email: owner!.email, password: DEMO_PASSWORD },
  });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await atomically(db, async (tx) => {
    for (const person of others) {
      const user = await tx.user.upsert({
        where: { email: person.email },
        update: {},
        create: { email: person.email, name: person.name, passwordHash },
      });
      await tx.membership.create({ data: { orgId: org.id, userId: user.id, role: person.role } });
    }
    await tx.store.createMany({ data: DEMO_STORES.map((store) => ({ orgId: org.id, ...store })) });
    await tx.fundAccount.createMany({ data: DEMO_ACCOUNTS.map((account) => ({ orgId: org.id, ...account })) });
  });
  const { rows } = await seedDemoImports(db, pool, org.id);
  return { created: true, rows };
}
