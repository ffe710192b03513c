/**
 * Deterministic building blocks for the seed: a small seeded PRNG and generators of plausible Chinese names and
 * certificate numbers with valid check characters (GB 11643 resident IDs, GB 32100 credit codes), so the
 * platform's validators accept the seeded data. All people and companies are fictitious.
 */
export type Rng = { next(): number; int(min: number, max: number): number; pick<T>(items: readonly T[]): T };

/** mulberry32: tiny, fast and stable across Node versions, which Math.random is not (and is not seedable). */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
  '马',
  '罗',
];
const GIVEN = [
  '子涵',
  '一鸣',
  '思远',
  '雨桐',
  '浩然',
  '欣怡',
  '俊杰',
  '梓萱',
  '宇航',
  '诗涵',
  '明轩',
  '佳琪',
  '晨阳',
  '若曦',
  '博文',
  '静',
  '磊',
  '芳',
];
const BRAND = [
  '云帆',
  '星河',
  '青禾',
  '启明',
  '远山',
  '智远',
  '拓扑',
  '蓝鲸',
  '墨竹',
  '嘉禾',
  '天衡',
  '锦程',
  '瀚海',
  '知行',
  '若水',
  '鸿鹄',
  '晨曦',
  '麦田',
  '橙果',
  '木棉',
];
const TRADE = [
  '科技',
  '信息技术',
  '网络科技',
  '文化传媒',
  '电子商务',
  '教育咨询',
  '软件',
  '数据服务',
  '设计',
  '餐饮管理',
];
const SYLLABLES = [
  'yun',
  'fan',
  'xing',
  'he',
  'qing',
  'ming',
  'yuan',
  'shan',
  'zhi',
  'tuo',
  'lan',
  'jing',
  'mo',
  'zhu',
  'jia',
  'tian',
  'jin',
  'cheng',
  'han',
  'hai',
];
const SITE_TOPICS = ['官网', '技术博客', '产品中心', '在线商城', '帮助中心', '新闻资讯', '开发者文档', '招聘'];
const PERSONAL_TOPICS = ['的个人博客', '的摄影作品集', '的读书笔记', '的技术随笔', '的旅行日记'];

export const personName = (rng: Rng) => rng.pick(SURNAMES) + rng.pick(GIVEN);
export const unitName = (rng: Rng, city: string) => `${city}${rng.pick(BRAND)}${rng.pick(TRADE)}有限公司`;
export const domainLabel = (rng: Rng) => rng.pick(SYLLABLES) + rng.pick(SYLLABLES);
export const unitSiteName = (rng: Rng, unit: string) => `${unit.replace(/有限公司$/, '')}${rng.pick(SITE_TOPICS)}`;
export const personalSiteName = (rng: Rng, person: string) => `${person}${rng.pick(PERSONAL_TOPICS)}`;
export const mobile = (rng: Rng) =>
  `1${rng.pick(['38', '39', '50', '58', '86', '88', '77'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;

/** 18-digit resident ID: region (province prefix + 0101), birth date, sequence, GB 11643 check character. */
export function residentId(rng: Rng, provincePrefix: string): string {
  const birth = `${rng.int(1965, 2003)}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`;
  const body = `${provincePrefix}0101${birth}${String(rng.int(1, 999)).padStart(3, '0')}`;
  return body + residentIdCheck(body);
}

export function residentIdCheck(body17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((acc, ch, i) => acc + Number(ch) * weights[i]!, 0);
  return '10X98765432'[sum % 11]!;
}

const USCC_SET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_SET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Unified social credit code: authority+type (e.g. `91` enterprise), region, organisation code, check. */
export function uscc(rng: Rng, authorityAndType: string, provincePrefix: string): string {
  let org = '';
  for (let i = 0; i < 8; i++) org += USCC_SET[rng.int(0, 9 + (i > 3 ? 20 : 0))]!;
  const orgWeights = [3, 7, 9, 10, 5, 8, 4, 2];
  const orgSum = [...org].reduce((acc, ch, i) => acc + ORG_SET.indexOf(ch) * orgWeights[i]!, 0);
  const c9 = 11 - (orgSum % 11);
  const body = `${authorityAndType}${provincePrefix}0100${org}${c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9)}`;
  return body + usccCheck(body);
}

export function usccCheck(body17: string): string {
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...body17].reduce((acc, ch, i) => acc + USCC_SET.indexOf(ch) * weights[i]!, 0);
  return USCC_SET[(31 - (sum % 31)) % 31]!;
}
