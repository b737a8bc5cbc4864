// Synthetic month generator (`npm run gen`): consistent orders, wallet ledgers and a bank statement
// for four shops in the real export layouts, plus a ground truth of which rows belong together.
// See README.md for the stores, the layouts and the ground-truth format.
export { generateMonth, describeStores, describeFundAccounts, type GeneratedFile, type GeneratedMonth } from "./generate-month";
export { GenerateOptionsError, DEFAULT_MONTH, DEFAULT_XLSX_MAX_ROWS, MAX_ORDERS, BANK_LAYOUTS, type BankLayout, type GenerateMonthOptions } from "./generate-options";
export { readGroundTruth } from "./ground-truth/read-ground-truth";
export type * from "./ground-truth/ground-truth-types";
export { percentOfMinor } from "./money/percent-of-minor";
export { COMPANY_NAME, STORES, FUND_ACCOUNTS, type StoreKey, type FundAccountKey, type Platform, type WalletKind } from "./stores/store-profiles";
export { plantAnomalies } from "./anomalies/plant-anomalies";
export { ANOMALY_TYPES, type AnomalyType, type PlantedAnomaly } from "./anomalies/anomaly-planter";
