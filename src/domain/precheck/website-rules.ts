import { getProvince } from '../province/provinces.ts';
import { addsWebsites, ruleId } from '../province/rule-engine.ts';
import { validateDomain } from '../validation/index.ts';
import { type Ctx, isIndividualSubject, report, t } from './context.ts';

/** Website counts and domains (§4.3 multiplicity rules). */

/** Websites the subject will hold once approved: those on file plus the ones this order adds. */
export const subjectWebsiteCountAfter = (ctx: Ctx): number =>
  (ctx.input.existing?.websiteCount ?? 0) + (addsWebsites(ctx.type) ? ctx.websites.length : 0);

function checkCounts(ctx: Ctx) {
  const { pack } = ctx;
  if (!pack || !addsWebsites(ctx.type)) return;
  const place = getProvince(pack.code);
  if (ctx.websites.length > pack.websitesPerSubmission) {
    const limit = pack.websitesPerSubmission;
    report(
      ctx,
      ruleId(pack, 'websitesPerSubmission', 'websites_per_submission'),
      'block',
      'websites',
      t(
        `${pack.overridden.has('websitesPerSubmission') ? place.nameZh : '本平台'}每次最多提交${limit}个网站`,
        `At most ${limit} website(s) per submission${pack.overridden.has('websitesPerSubmission') ? ` in ${place.nameEn}` : ''}`,
      ),
      t('分多次提交', 'Split the websites over several orders'),
    );
  }
  const max = pack.maxWebsitesPerSubject[isIndividualSubject(ctx) ? 'individual' : 'unit'];
  if (max !== undefined && subjectWebsiteCountAfter(ctx) > max) {
    report(
      ctx,
      ruleId(pack, 'maxWebsitesPerSubject', 'max_websites_per_subject'),
      'block',
      'websites',
      t(
        `${place.nameZh}：该主体最多可备案${max}个网站`,
        `${place.nameEn}: this subject may file at most ${max} websites`,
      ),
      t('减少网站数量或先注销不再使用的网站', 'File fewer websites or cancel unused ones'),
    );
  }
}

/** One domain belongs to one website: the same domain twice in an order would be filed twice. */
function checkDuplicateDomains(ctx: Ctx) {
  const seen = new Set<string>();
  ctx.websites.forEach((w, i) => {
    if (!w.domain) return;
    const key = validateDomain(w.domain).normalized ?? w.domain.trim().toLowerCase();
    if (seen.has(key)) {
      report(
        ctx,
        'national.duplicate_domain',
        'block',
        `websites.${i}.domain`,
        t('同一订单中域名重复', 'The domain appears twice in this order'),
        t('删除重复的网站或更换域名', 'Remove the duplicate or change the domain'),
      );
    }
    seen.add(key);
  });
}

export function checkWebsites(ctx: Ctx) {
  checkCounts(ctx);
  checkDuplicateDomains(ctx);
}
