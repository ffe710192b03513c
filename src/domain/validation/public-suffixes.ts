/**
 * A deliberately small public-suffix table: the top-level domains seen in ICP filings plus the
 * second-level suffixes under which a name is registered (com.cn, bj.cn, 公司.cn, com.hk …). Entries are
 * written as people read them, space-separated to keep the table compact; domain.ts converts them to A-labels once. A name under a TLD missing here is
 * still accepted (with a warning), treating the TLD itself as the suffix; whether a TLD may be filed at all
 * is a policy list that belongs with the province rules, not here.
 */
export const PUBLIC_SUFFIX_TABLE_VERSION = '2025-01';

export const TOP_LEVEL_DOMAINS: readonly string[] = [
  // Generic and sponsored TLDs commonly filed in China.
  'com net org info biz name pro mobi asia tel travel jobs edu gov',
  'top xyz vip club shop wang ren online site tech store ltd group',
  'ink link fun work love art kim red pub live life news video',
  'social fans team zone world today city center company email website',
  'space host press design xin cloud icu cyou run plus fit fund gold',
  'guru show ski band cool baby game games law beer luxe yoga chat',
  'cab kids auto car bio green tax co me cc tv io ai app dev',
  // Chinese-script TLDs.
  '中国 中國 公司 网络 网址 网店 商城 商标 集团 在线 中文网 我爱你',
  '时尚 游戏 企业 娱乐 信息 手机 移动 中信 广东 佛山 香港 台湾 台灣 澳門',
  // Country codes of the region and of common registrations abroad.
  'cn hk mo tw jp kr sg my us uk de fr au ca nz ru in',
  'eu la ws so to',
]
  .join(' ')
  .split(' ');

export const SECOND_LEVEL_SUFFIXES: readonly string[] = [
  // CNNIC categories.
  'com.cn net.cn org.cn gov.cn edu.cn ac.cn mil.cn 公司.cn 网络.cn 網絡.cn',
  // CNNIC provincial suffixes.
  'bj.cn tj.cn he.cn sx.cn nm.cn ln.cn jl.cn hl.cn sh.cn js.cn zj.cn',
  'ah.cn fj.cn jx.cn sd.cn ha.cn hb.cn hn.cn gd.cn gx.cn hi.cn cq.cn',
  'sc.cn gz.cn yn.cn xz.cn sn.cn gs.cn qh.cn nx.cn xj.cn tw.cn hk.cn mo.cn',
  // Hong Kong, Macau, Taiwan.
  'com.hk net.hk org.hk edu.hk gov.hk idv.hk 公司.hk 網絡.hk 組織.hk',
  'com.mo net.mo org.mo edu.mo gov.mo',
  'com.tw net.tw org.tw edu.tw gov.tw idv.tw 網路.tw 組織.tw 商業.tw',
  // Elsewhere, so that example.co.uk is not mistaken for a subdomain of co.uk.
  'co.uk org.uk me.uk ltd.uk plc.uk ac.uk gov.uk co.jp ne.jp or.jp ac.jp',
  'go.jp co.kr or.kr com.sg com.my com.au net.au org.au edu.au co.nz',
  'com.tr com.br com.ru',
]
  .join(' ')
  .split(' ');
