// What the demo company sells: the same catalogue on every platform, as real multi-shop sellers do.
// Prices are fixed price points in fen (¥9.90 – ¥2,999). Category decides Tmall's commission rate
// (天猫佣金 varies by 类目); weight decides how often an item is bought (cheap items sell more).
// Every text here is in GBK, because several exports are written in GBK.
export interface Product {
  title: string;
  /** 商家编码 */
  skuCode: string;
  /** 京东 商品ID / 抖店 商品ID / 拼多多 商品id: one id per product, like a listing. */
  listingId: string;
  priceMinor: number;
  category: string;
  tmallCommissionBps: number;
  weight: number;
}

const CATEGORY_TMALL_BPS: Record<string, number> = {
  家居日用: 500,
  食品: 200,
  个护: 400,
  数码配件: 200,
  服饰: 500,
  母婴: 300,
};

const ROWS: Array<[title: string, priceMinor: number, category: string, weight: number]> = [
  ["304不锈钢保温杯 500ml", 5900, "家居日用", 60],
  ["纯棉四件套 1.8m床", 29900, "家居日用", 20],
  ["加厚珊瑚绒毛毯", 12900, "家居日用", 25],
  ["折叠收纳箱 3件装", 4990, "家居日用", 40],
  ["乳胶枕 一对装", 19900, "家居日用", 15],
  ["记忆棉床垫 1.5m", 89900, "家居日用", 5],
  ["电动升降桌", 159900, "家居日用", 2],
  ["扫地机器人", 299900, "家居日用", 1],
  ["每日坚果 30袋", 8990, "食品", 45],
  ["五常大米 5kg", 6990, "食品", 40],
  ["挂耳咖啡 50包", 7900, "食品", 35],
  ["香辣辣条 12包", 990, "食品", 80],
  ["土蜂蜜 500g", 3990, "食品", 30],
  ["手撕牛肉干 250g", 5990, "食品", 30],
  ["氨基酸洗面奶", 6900, "个护", 35],
  ["声波电动牙刷", 19900, "个护", 15],
  ["无硅油洗发水 750ml", 4990, "个护", 40],
  ["护手霜 3支装", 2990, "个护", 50],
  ["20W 快充充电器", 3990, "数码配件", 45],
  ["降噪蓝牙耳机", 15900, "数码配件", 20],
  ["机械键盘 青轴", 39900, "数码配件", 8],
  ["移动电源 20000mAh", 12900, "数码配件", 20],
  ["编织数据线 2条装", 1990, "数码配件", 70],
  ["铝合金平板支架", 2990, "数码配件", 40],
  ["纯棉短袖T恤", 7900, "服饰", 40],
  ["轻薄羽绒服", 59900, "服饰", 6],
  ["缓震跑步鞋", 39900, "服饰", 8],
  ["羊毛围巾", 15900, "服饰", 12],
  ["冰丝防晒衣", 12900, "服饰", 18],
  ["婴儿湿巾 80抽x10包", 4990, "母婴", 35],
  ["儿童保温杯", 8900, "母婴", 20],
  ["纸尿裤 L码 64片", 13900, "母婴", 20],
];

export const PRODUCTS: readonly Product[] = ROWS.map(([title, priceMinor, category, weight], index) => ({
  title,
  skuCode: `DM-${String(1001 + index)}`,
  listingId: String(100038715200 + index * 7919),
  priceMinor,
  category,
  tmallCommissionBps: CATEGORY_TMALL_BPS[category] ?? 500,
  weight,
}));

export const PRODUCT_WEIGHTS: readonly number[] = PRODUCTS.map((product) => product.weight);
export const PRODUCT_WEIGHT_TOTAL = PRODUCT_WEIGHTS.reduce((sum, weight) => sum + weight, 0);

export function productAt(index: number): Product {
  const product = PRODUCTS[index];
  if (!product) throw new Error(`no product ${index}`);
  return product;
}

/** The cheapest product: it always fits in a basket. */
export const CHEAPEST_PRODUCT_INDEX = PRODUCTS.reduce(
  (cheapest, product, index) => (product.priceMinor < productAt(cheapest).priceMinor ? index : cheapest),
  0,
);
