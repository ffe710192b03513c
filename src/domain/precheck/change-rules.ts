import { getProvince } from '../province/provinces.ts';
import { filingScopeApplies, ruleId, subjectScopeApplies } from '../province/rule-engine.ts';
import { type Ctx, idKey, report, t } from './context.ts';

/** What a filed individual subject may become (T6, §7.1 "Individual subject change"). */
export function checkIndividualSubjectChange(ctx: Ctx) {
  const { pack } = ctx;
  const before = ctx.input.existing?.subject;
  const after = ctx.input.data.subject;
  if (!pack || ctx.type !== 'change_subject' || !before || before.subjectType !== 'individual' || !after) return;
  const rule = pack.individualSubjectChange;
  if (rule === 'allowed') return;
  const place = getProvince(pack.code);
  const id = ruleId(pack, 'individualSubjectChange', 'individual_subject_change');
  const becomesUnit = after.subjectType !== undefined && after.subjectType !== 'individual';
  const otherPerson =
    after.certificateNumber !== undefined && idKey(after.certificateNumber) !== idKey(before.certificateNumber);
  const refuse = (message: { zhCN: string; enUS: string }) =>
    report(
      ctx,
      id,
      'block',
      'subject',
      message,
      t('如需更换主体，请注销后由新主体重新备案', 'To change the subject, cancel and let the new subject file'),
    );

  if (rule === 'forbidden') {
    refuse(
      t(`${place.nameZh}：个人备案不支持主体变更`, `${place.nameEn}: an individual filing cannot change its subject`),
    );
  } else if (rule === 'no_identity_change' && (becomesUnit || otherPerson)) {
    refuse(
      t(
        `${place.nameZh}：个人主体不能变更为他人或单位`,
        `${place.nameEn}: an individual subject cannot become another person or a unit`,
      ),
    );
  } else if (rule === 'only_to_own_unit') {
    const rp = after.responsiblePerson;
    const ownUnit = rp?.isLegalPerson === true && idKey(rp.idNumber) === idKey(before.certificateNumber);
    if ((becomesUnit && !ownUnit) || (!becomesUnit && otherPerson)) {
      refuse(
        t(
          `${place.nameZh}：个人主体只能变更为本人担任法定代表人的单位`,
          `${place.nameEn}: an individual may only become a unit whose legal person is that individual`,
        ),
      );
    }
  }
}

/** Province rules that need a human: listed once per order so the reviewer works through them. */
export function checkReviewerRules(ctx: Ctx) {
  const { pack, subjectType } = ctx;
  if (!pack || !subjectType) return;
  for (const check of pack.reviewerChecks) {
    if (!subjectScopeApplies(check.subjects, subjectType)) continue;
    if (!filingScopeApplies(check.on, ctx.type, ctx.changeScope)) continue;
    report(ctx, check.id, 'reviewer-check', '', check.message, check.fix);
  }
}
