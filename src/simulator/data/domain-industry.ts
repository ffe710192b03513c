import { domainToASCII } from 'node:url';

/**
 * MIIT's domain-industry data as the simulator sees it (domain.md §6.3 conditions 1 and 2). MIIT owns and
 * publishes these lists, so they live here with the simulator rather than in the platform. The entries are
 * general knowledge [GK] and only need to be plausible: tests register their own domains.
 */
const APPROVED_TLDS_UNICODE = [
  'cn', 'com', 'net', 'org', 'info', 'biz', 'mobi', 'name', 'pro', 'cc', 'tv', 'top', 'xyz', 'vip', 'club',
  'shop', 'site', 'wang', 'ltd', 'group', 'ink', 'link', 'tech', 'online', 'store', 'fun', 'red', 'kim', 'art',
  'work', 'cloud', 'love', 'asia', 'pub', 'plus', 'games', 'design', 'xin', 'video', 'icu', 'beer', 'fans',
  '中国', '中國', '公司', '网络', '在线', '商城', '网址', '集团', '中文网',
];

/** Stored in ASCII (punycode) form, the form every domain is normalised to before a lookup. */
export const APPROVED_TLDS: ReadonlySet<string> = new Set(APPROVED_TLDS_UNICODE.map((t) => domainToASCII(t)));

/**
 * Second-level registries under .cn. A domain such as `shop.example.com.cn` is registered as `example.com.cn`,
 * so the registry lookup needs these to find the registrable part.
 */
const CN_SECOND_LEVEL = [
  'com', 'net', 'org', 'gov', 'edu', 'ac', 'mil', 'bj', 'sh', 'tj', 'cq', 'he', 'sx', 'nm', 'ln', 'jl', 'hl', 'js',
  'zj', 'ah', 'fj', 'jx', 'sd', 'ha', 'hb', 'hn', 'gd', 'gx', 'hi', 'sc', 'gz', 'yn', 'xz', 'sn', 'gs', 'qh', 'nx',
  'xj',
];
export const MULTI_LABEL_SUFFIXES: ReadonlySet<string> = new Set(CN_SECOND_LEVEL.map((s) => `${s}.cn`));

/** Registrars holding an MIIT domain-registration-service licence (a sample). */
export const APPROVED_REGISTRARS: readonly string[] = [
  '阿里云计算有限公司（万网）',
  '腾讯云计算（北京）有限责任公司',
  '北京新网数码信息技术有限公司',
  '厦门易名科技股份有限公司',
  '成都西维数码科技有限公司',
  '北京东方网景信息科技有限公司',
  '中资源网络服务有限公司',
];

/** Registrars abroad: domains registered there cannot be filed until transferred in (domain.md §6.3 FAQ). */
export const UNAPPROVED_REGISTRARS: readonly string[] = ['GoDaddy.com, LLC', 'NameCheap, Inc.', 'Gandi SAS'];

export const DEFAULT_REGISTRAR = APPROVED_REGISTRARS[0]!;

export const isApprovedRegistrar = (name: string): boolean => APPROVED_REGISTRARS.includes(name);
