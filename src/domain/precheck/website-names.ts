import { getProvince } from '../province/provinces.ts';
import { ruleId } from '../province/rule-engine.ts';
import { type Ctx, isIndividualSubject, isUnit, report, t } from './context.ts';

/**
 * Website-name rules. National ones are general MIIT practice [GK, domain.md §4.3]: a name describes the content,
 * so a bare domain or digits block; a Latin-only name only warns because English-language sites exist.
 * Individuals: words implying an organisation or the state block (公司, 官网, 中国…), words implying a commercial
 * or portal service warn — provinces differ there and the reviewer has the last word.
 */

const INDIVIDUAL_BLOCKED_WORDS = ['公司', '集团', '企业', '官网', '官方', '中国', '中华', '国家', '全国', '政府'];
const INDIVIDUAL_WARNED_WORDS = [
  '门户',
  '商城',
  '平台',
  '论坛',
  '社区',
  '交易',
  '购物',
  '新闻',
  '资讯',
  '招聘',
  '工作室',
];

const DOMAIN_LIKE = /^(www\.)?[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/iu;
const NO_LETTERS = /^[\p{N}\p{P}\p{S}\s]+$/u;
const LATIN_ONLY = /^[A-Za-z][A-Za-z\s'&-]*$/;

function checkNationalNames(ctx: Ctx) {
  ctx.websites.forEach((w, i) => {
    const name = w.name?.trim();
    if (!name) return;
    const field = `websites.${i}.name`;
    if (DOMAIN_LIKE.test(name)) {
      report(
        ctx,
        'national.website_name_not_domain',
        'block',
        field,
        t('网站名称不能是域名', 'The website name cannot be a domain'),
        t('填写能体现网站内容的中文名称', 'Use a name that describes the content'),
      );
    } else if (NO_LETTERS.test(name)) {
      report(
        ctx,
        'national.website_name_not_digits',
        'block',
        field,
        t('网站名称不能只有数字或符号', 'The website name cannot be only digits or symbols'),
        t('填写能体现网站内容的名称', 'Use a name that describes the content'),
      );
    } else if (LATIN_ONLY.test(name)) {
      report(
        ctx,
        'national.website_name_latin_only',
        'warn',
        field,
        t('纯英文字母的网站名称常被退回', 'Latin-only website names are often refused'),
        t('建议使用体现网站内容的中文名称', 'Prefer a Chinese name describing the content'),
      );
    }
    if (!isIndividualSubject(ctx)) return;
    const blocked = INDIVIDUAL_BLOCKED_WORDS.find((word) => name.includes(word));
    const warned = INDIVIDUAL_WARNED_WORDS.find((word) => name.includes(word));
    if (blocked) {
      report(
        ctx,
        'national.individual_name_organisation_word',
        'block',
        field,
        t(
          `个人网站名称不能含“${blocked}”等单位或国家性质的字样`,
          `An individual's website name cannot contain "${blocked}" (organisation or state wording)`,
        ),
        t('改用体现个人内容的名称，如“某某的博客”', 'Use a personal name such as "X\'s blog"'),
      );
    } else if (warned) {
      report(
        ctx,
        'national.individual_name_commercial_word',
        'warn',
        field,
        t(
          `个人网站名称含“${warned}”，可能被认为具有经营或门户性质`,
          `"${warned}" suggests a commercial or portal site, which individuals may not run`,
        ),
        t('建议改用体现个人内容的名称', 'Prefer a name showing personal content'),
      );
    }
  });
}

/**
 * Heilongjiang: a unit's website name is its full name or its abbreviation. A Chinese abbreviation keeps the
 * order of picked characters (北京大学 → 北大), so the name must be a subsequence of the sponsor name once a
 * generic suffix such as 官网 is dropped.
 */
const GENERIC_SUFFIXES = ['官方网站', '门户网站', '网站', '官网'];

const isSubsequence = (short: string, long: string): boolean => {
  const wanted = Array.from(short);
  let j = 0;
  for (const ch of long) if (ch === wanted[j]) j++;
  return j === wanted.length;
};

function checkSponsorNames(ctx: Ctx) {
  const { pack } = ctx;
  const sponsor = ctx.subject?.sponsorName?.trim();
  if (!pack?.unitWebsiteNameMustMatchSponsor || !isUnit(ctx) || !sponsor) return;
  const place = getProvince(pack.code);
  ctx.websites.forEach((w, i) => {
    const raw = w.name?.trim();
    if (!raw) return;
    const suffix = GENERIC_SUFFIXES.find((s) => raw.endsWith(s) && raw.length > s.length);
    const core = suffix ? raw.slice(0, -suffix.length) : raw;
    if (isSubsequence(core, sponsor)) return;
    report(
      ctx,
      ruleId(pack, 'unitWebsiteNameMustMatchSponsor', 'website_name_matches_sponsor'),
      'block',
      `websites.${i}.name`,
      t(
        `${place.nameZh}：单位网站名称须为主办单位全称或简称`,
        `${place.nameEn}: a unit's website name is the sponsor's full or short name`,
      ),
      t(`例如“${sponsor}”或其简称`, `For example "${sponsor}" or its abbreviation`),
    );
  });
}

function checkUniqueNames(ctx: Ctx) {
  const { pack } = ctx;
  if (!pack?.uniqueWebsiteNamesWithinSubject) return;
  const place = getProvince(pack.code);
  // Names already filed count only for new websites: an edited website legitimately keeps its own name.
  const filed = new Set(ctx.input.existing?.websiteNames.map((n) => n.trim()) ?? []);
  const seen = new Set<string>();
  ctx.websites.forEach((w, i) => {
    const name = w.name?.trim();
    if (!name) return;
    const clash = seen.has(name) || (!w.websiteId && filed.has(name));
    seen.add(name);
    if (!clash) return;
    report(
      ctx,
      ruleId(pack, 'uniqueWebsiteNamesWithinSubject', 'unique_website_names'),
      'block',
      `websites.${i}.name`,
      t(
        `${place.nameZh}：同一主体下的网站名称不能相同`,
        `${place.nameEn}: websites of one subject need different names`,
      ),
      t('修改网站名称', 'Rename the website'),
    );
  });
}

export function checkWebsiteNames(ctx: Ctx) {
  if (!ctx.websitesInOrder) return;
  checkNationalNames(ctx);
  checkSponsorNames(ctx);
  checkUniqueNames(ctx);
}
