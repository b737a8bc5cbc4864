// Buyers as the exports show them: masked nicknames, names and phone numbers, and a province-level
// address. Chosen by a stable hash of the order, so every file shows the same buyer for one order
// without storing anything. Nothing here is a real person.
import { cosmeticHash } from "../random/derive-seed";

const SURNAMES = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
const PLACES = [
  "浙江省 杭州市 西湖区",
  "上海 上海市 浦东新区",
  "北京 北京市 朝阳区",
  "广东省 深圳市 南山区",
  "江苏省 南京市 鼓楼区",
  "四川省 成都市 武侯区",
  "湖北省 武汉市 洪山区",
  "山东省 青岛市 市南区",
  "福建省 厦门市 思明区",
  "河南省 郑州市 金水区",
];
const MOBILE_PREFIXES = ["138", "139", "137", "150", "158", "186", "188", "135", "177", "199"];

export interface Buyer {
  /** 买家会员名, e.g. "t***7" */
  nickname: string;
  /** 收货人姓名, e.g. "张**" */
  maskedName: string;
  /** 联系手机 as a plain (fake) number, e.g. "13800004321" */
  mobile: string;
  /** "138****4321" */
  maskedMobile: string;
  /** 收货地址, e.g. "浙江省 杭州市 西湖区 ****" */
  address: string;
}

export function buyerOf(streamSeed: number, orderIndex: number): Buyer {
  const h = cosmeticHash(streamSeed, orderIndex, 1);
  const surname = SURNAMES[h % SURNAMES.length]!;
  const prefix = MOBILE_PREFIXES[(h >>> 5) % MOBILE_PREFIXES.length]!;
  const last4 = String((h >>> 9) % 10_000).padStart(4, "0");
  const nicknameLetter = String.fromCharCode(97 + ((h >>> 3) % 26));
  return {
    nickname: `${nicknameLetter}***${(h >>> 13) % 10}`,
    maskedName: `${surname}**`,
    mobile: `${prefix}0000${last4}`,
    maskedMobile: `${prefix}****${last4}`,
    address: `${PLACES[(h >>> 17) % PLACES.length]} ****`,
  };
}
