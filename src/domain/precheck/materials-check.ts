import { missingMaterials } from '../materials/match-materials.ts';
import { type MaterialRequirement, requiredMaterials } from '../materials/required-materials.ts';
import { isLocalId } from '../province/rule-engine.ts';
import { type Ctx, type DraftPerson, idKey, personAge, report, t } from './context.ts';
import { subjectWebsiteCountAfter } from './website-rules.ts';

/** Registered data whose change needs the market-regulation change certificate; unknown without a filed subject. */
function registeredDataChanged(ctx: Ctx): boolean | undefined {
  const before = ctx.input.existing?.subject;
  const after = ctx.input.data.subject;
  if (!before || !after) return undefined;
  return (
    (after.sponsorName ?? before.sponsorName).trim() !== before.sponsorName.trim() ||
    (after.certificateType ?? before.certificateType) !== before.certificateType ||
    idKey(after.certificateNumber ?? before.certificateNumber) !== idKey(before.certificateNumber) ||
    (after.certificateAddress ?? before.certificateAddress).trim() !== before.certificateAddress.trim() ||
    idKey(after.responsiblePerson?.idNumber ?? before.responsiblePerson.idNumber) !==
      idKey(before.responsiblePerson.idNumber)
  );
}

export function checkMaterials(ctx: Ctx): { required: MaterialRequirement[]; missing: MaterialRequirement[] } {
  const { pack, subjectType } = ctx;
  if (!pack || !subjectType) return { required: [], missing: [] };
  const nonLocal = (p: DraftPerson | undefined) =>
    p?.idType && p.idNumber ? !isLocalId(pack, p.idType, p.idNumber) : undefined;
  const subject = ctx.subject;
  const required = requiredMaterials({
    type: ctx.type,
    subjectType,
    province: pack.code,
    websites: ctx.websites.map((w) => ({
      responsiblePersonIsLegalPerson: w.responsiblePerson?.isLegalPerson,
      responsiblePersonAge: w.responsiblePerson ? personAge(w.responsiblePerson, ctx.now) : undefined,
      responsiblePersonNonLocal: nonLocal(w.responsiblePerson),
      preApprovals: (w.preApprovals ?? []).map((p) => p.type),
      name: w.name,
    })),
    subjectResponsibleIsLegalPerson: ctx.input.data.subject?.responsiblePerson?.isLegalPerson,
    subjectResponsibleNonLocal: nonLocal(ctx.input.data.subject?.responsiblePerson),
    subjectWebsiteCountAfter: subjectWebsiteCountAfter(ctx),
    individualNonLocal:
      subject?.certificateType && subject.certificateNumber
        ? !isLocalId(pack, subject.certificateType, subject.certificateNumber)
        : undefined,
    changeScope: ctx.changeScope,
    registeredDataChanged: registeredDataChanged(ctx),
    sponsorName: subject?.sponsorName,
    verificationStage: ctx.input.verificationStage,
    replacedImages: ctx.input.materials.map((m) => ({
      kind: m.kind,
      ...(m.websiteIndex == null ? {} : { websiteIndex: m.websiteIndex }),
    })),
  });
  const missing = missingMaterials(required, ctx.input.materials);
  for (const m of missing) {
    const field =
      m.websiteIndex === undefined ? `materials.${m.kind}` : `websites.${m.websiteIndex}.materials.${m.kind}`;
    report(
      ctx,
      `materials.missing.${m.kind}`,
      'block',
      field,
      t(`缺少材料：${m.label.zhCN}。${m.reason.zhCN}`, `Missing material: ${m.label.enUS}. ${m.reason.enUS}`),
      t(`上传${m.label.zhCN}`, `Upload the ${m.label.enUS}`),
    );
  }
  return { required, missing };
}
