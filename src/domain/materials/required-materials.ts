import type { ChangeScope } from '../../contracts/filing-data.ts';
import type { PreApprovalType, SubjectType, VerificationStage } from '../filing-data.ts';
import type { FilingType } from '../filing-type.ts';
import { MATERIAL_KIND_LABELS, type MaterialKind } from '../material-kind.ts';
import { getProvince, type ProvinceCode } from '../province/provinces.ts';
import {
  addsWebsites,
  carriesSubjectData,
  carriesWebsiteData,
  filingScopeApplies,
  isIndividual,
  type ProvinceRulePack,
  ruleId,
  rulePackFor,
  subjectScopeApplies,
} from '../province/rule-engine.ts';
import { CHANGE_CERT_REASON } from '../province/rules/common.ts';
import type { Bilingual, ExtraMaterialRule } from '../province/rules/types.ts';
import { orderConditionHolds } from './material-conditions.ts';

/**
 * Which materials an order must upload (domain.md §5.2 and §7), from the filing type, the subject type, the
 * province pack, the websites and who among the responsible persons is the legal person. Pure: the pre-check
 * and the upload page both call it, so they can never disagree about what is missing.
 */

export type MaterialRequirement = {
  kind: MaterialKind;
  /** Index into the order's websites for per-website materials. */
  websiteIndex?: number;
  label: Bilingual;
  reason: Bilingual;
  ruleId: string;
};

export type RequiredMaterialsWebsite = {
  responsiblePersonIsLegalPerson?: boolean;
  /** Completed years, from the responsible person's ID; unknown when absent. */
  responsiblePersonAge?: number;
  /** The responsible person holds no local resident ID of the province. */
  responsiblePersonNonLocal?: boolean;
  preApprovals?: readonly PreApprovalType[];
  name?: string;
};

export type RequiredMaterialsInput = {
  type: FilingType;
  subjectType: SubjectType;
  province: ProvinceCode;
  /** The websites the order carries, in order (their index becomes websiteIndex). */
  websites: readonly RequiredMaterialsWebsite[];
  subjectResponsibleIsLegalPerson?: boolean;
  /** Unit subjects: the subject responsible person holds no local resident ID (Jiangxi residence proof). */
  subjectResponsibleNonLocal?: boolean;
  /** Websites the subject will hold once this order is approved (existing + new). */
  subjectWebsiteCountAfter: number;
  /** Domain prefixes the subject will hold; defaults to the website count (one domain per website). */
  subjectDomainCountAfter?: number;
  /** Individual subjects: the person holds no local resident ID of the province. */
  individualNonLocal?: boolean;
  changeScope?: ChangeScope;
  /** T6: whether registered data (name, certificate, address, legal person) changes; unknown counts as yes. */
  registeredDataChanged?: boolean;
  sponsorName?: string;
  verificationStage: VerificationStage;
  /** T9: the images being replaced. */
  replacedImages?: readonly { kind: MaterialKind; websiteIndex?: number }[];
};

const r = (zhCN: string, enUS: string): Bilingual => ({ zhCN, enUS });

const REASONS = {
  subject_cert: r('单位主体须上传最新有效的主办单位证件', 'Units upload their latest valid certificate'),
  subject_rp_id: r(
    '单位主体须上传主体负责人（法定代表人）证件正反面',
    "Units upload the subject responsible person's ID, both sides",
  ),
  personal_id: r('个人主体须上传本人证件正反面', 'Individuals upload their own ID, both sides'),
  website_rp_id: r(
    '每个网站须上传网站负责人证件正反面',
    "Each website uploads its responsible person's ID, both sides",
  ),
  domain_cert: r(
    '每个网站须上传域名证书（注册商出具）',
    'Each website uploads its domain certificate from the registrar',
  ),
  verification_form: r(
    '每个网站须上传由网站负责人签字（单位加盖公章）的真实性核验单',
    'Each website uploads the verification form signed by its responsible person (units also stamp it)',
  ),
  commitment: r('备案须上传互联网信息服务备案承诺书', 'Filings upload the filing commitment letter'),
  change_images: r('变更图片：上传替换已过期的图片', 'Change images: upload the replacements of the expired images'),
} as const;

type Ctx = { input: RequiredMaterialsInput; pack: ProvinceRulePack; out: MaterialRequirement[] };

const add = (
  ctx: Ctx,
  kind: MaterialKind,
  rule: string,
  reason: Bilingual,
  websiteIndex?: number,
  label?: Bilingual,
) => {
  // Two rules may ask for the same item (a Hunan site plan and the >5 websites plan): one upload serves both.
  if (ctx.out.some((m) => m.kind === kind && m.websiteIndex === websiteIndex)) return;
  ctx.out.push({
    kind,
    ...(websiteIndex === undefined ? {} : { websiteIndex }),
    label: label ?? MATERIAL_KIND_LABELS[kind],
    reason,
    ruleId: rule,
  });
};

const provinceName = (ctx: Ctx) => getProvince(ctx.pack.code);

export function requiredMaterials(input: RequiredMaterialsInput): MaterialRequirement[] {
  const ctx: Ctx = { input, pack: rulePackFor(input.province), out: [] };
  const { type } = input;
  // T9 replaces exactly the expired images; T8 and the cancellations upload nothing (open question: the
  // offline-cancellation form and legacy filing password belong to T14 and older flows, not these orders).
  if (type === 'change_images') {
    for (const image of input.replacedImages ?? [])
      add(ctx, image.kind, 'national.change_images', REASONS.change_images, image.websiteIndex);
    return ctx.out;
  }
  const subjectData = carriesSubjectData(type, input.changeScope);
  const websiteData = carriesWebsiteData(type, input.changeScope);
  if (!subjectData && !websiteData) return ctx.out;

  baseMaterials(ctx, subjectData, websiteData);
  legalPersonLetters(ctx, subjectData, websiteData);
  residenceProofs(ctx, subjectData, websiteData);
  if (websiteData) employmentCerts(ctx);
  if (type === 'change_subject' && subjectData && !isIndividual(input.subjectType)) changeCert(ctx);
  for (const rule of ctx.pack.extraMaterials) extraMaterial(ctx, rule);
  return ctx.out;
}

function baseMaterials(ctx: Ctx, subjectData: boolean, websiteData: boolean) {
  const { input, pack } = ctx;
  const unit = !isIndividual(input.subjectType);
  if (unit && subjectData) {
    add(ctx, 'subject_cert', 'national.subject_cert', REASONS.subject_cert);
    add(ctx, 'subject_rp_id', 'national.subject_rp_id', REASONS.subject_rp_id);
  }
  // An individual is also the website responsible person, so a new website needs their ID again even when the
  // subject is already on file here (T2/T4): the verification of the new website is done against it.
  if (!unit && (subjectData || addsWebsites(input.type)))
    add(ctx, 'personal_id', 'national.personal_id', REASONS.personal_id);
  if (websiteData) {
    input.websites.forEach((_, i) => {
      if (unit) add(ctx, 'website_rp_id', 'national.website_rp_id', REASONS.website_rp_id, i);
      // MIIT re-verifies the domain on every website filing (§6.3), changes included.
      add(ctx, 'domain_cert', 'national.domain_cert', REASONS.domain_cert, i);
      // Decision: the signed verification form belongs to the legacy/2022 flow where verification follows the
      // provider review; with 2023 in-app verification the docs list no form (open question §10.3).
      if (input.verificationStage === 'after_provider_review') {
        add(ctx, 'verification_form', 'national.verification_form', REASONS.verification_form, i);
      }
    });
  }
  const template = pack.commitmentTemplate;
  add(
    ctx,
    'commitment',
    ruleId(pack, 'commitmentTemplate', 'commitment'),
    template
      ? r(
          `${provinceName(ctx).nameZh}须使用本省承诺书模板：${template.zhCN}`,
          `${provinceName(ctx).nameEn} uses its own template: ${template.enUS}`,
        )
      : REASONS.commitment,
    undefined,
    template ?? undefined,
  );
}

function legalPersonLetters(ctx: Ctx, subjectData: boolean, websiteData: boolean) {
  const { input, pack } = ctx;
  if (isIndividual(input.subjectType)) return;
  const p = provinceName(ctx);
  if (
    subjectData &&
    pack.legalPersonAsSubjectResponsible === 'required_or_subject_auth_letter' &&
    input.subjectResponsibleIsLegalPerson === false
  ) {
    add(
      ctx,
      'auth_subject_rp',
      ruleId(pack, 'legalPersonAsSubjectResponsible', 'subject_auth_letter'),
      r(
        `${p.nameZh}：主体负责人不是法定代表人，须上传主体负责人授权书`,
        `${p.nameEn}: the subject responsible person is not the legal person; upload the authorization letter`,
      ),
    );
  }
  if (!websiteData || !pack.websiteAuthLetterIfNotLegalPerson) return;
  input.websites.forEach((w, i) => {
    if (w.responsiblePersonIsLegalPerson !== false) return;
    add(
      ctx,
      'auth_website_rp',
      ruleId(pack, 'websiteAuthLetterIfNotLegalPerson', 'website_auth_letter'),
      r(
        `${p.nameZh}：网站负责人不是法定代表人，须上传网站负责人授权书`,
        `${p.nameEn}: the website responsible person is not the legal person; upload the authorization letter`,
      ),
      i,
    );
  });
}

function residenceProofs(ctx: Ctx, subjectData: boolean, websiteData: boolean) {
  const { input, pack } = ctx;
  const p = provinceName(ctx);
  if (isIndividual(input.subjectType)) {
    // Re-checked on every new website: the permit has its own validity and the 管局 checks eligibility per filing.
    const concerned = subjectData || addsWebsites(input.type);
    if (concerned && pack.individualId === 'local_or_residence_permit' && input.individualNonLocal === true) {
      add(
        ctx,
        'residence_proof',
        ruleId(pack, 'individualId', 'residence_proof'),
        r(
          `${p.nameZh}：非本地身份证的个人须提供本省有效居住证或居住证明`,
          `${p.nameEn}: individuals without a local ID give a valid local residence permit or proof`,
        ),
      );
    }
    return;
  }
  if (!pack.unitResponsibleNonLocalNeedsResidenceProof) return;
  const id = ruleId(pack, 'unitResponsibleNonLocalNeedsResidenceProof', 'responsible_residence_proof');
  const reason = r(
    `${p.nameZh}：无本省身份证的负责人须提供本人在本省的有效居住证`,
    `${p.nameEn}: a responsible person without a local ID gives their own local residence permit`,
  );
  if (subjectData && input.subjectResponsibleNonLocal === true) add(ctx, 'residence_proof', id, reason);
  if (websiteData) {
    input.websites.forEach((w, i) => {
      if (w.responsiblePersonNonLocal === true) add(ctx, 'residence_proof', id, reason, i);
    });
  }
}

function employmentCerts(ctx: Ctx) {
  const { input, pack } = ctx;
  const applies = pack.under18NeedsEmploymentCert[isIndividual(input.subjectType) ? 'individual' : 'unit'];
  if (!applies) return;
  const p = provinceName(ctx);
  input.websites.forEach((w, i) => {
    if (w.responsiblePersonAge === undefined || w.responsiblePersonAge >= 18) return;
    add(
      ctx,
      'employment_cert',
      ruleId(pack, 'under18NeedsEmploymentCert', 'employment_cert'),
      r(
        `${p.nameZh}：未满18周岁的负责人须提供就业证明`,
        `${p.nameEn}: a responsible person under 18 gives an employment certificate`,
      ),
      i,
    );
  });
}

function changeCert(ctx: Ctx) {
  const { input, pack } = ctx;
  if (!pack.unitSubjectChangeNeedsChangeCert || input.registeredDataChanged === false) return;
  add(ctx, 'change_cert', ruleId(pack, 'unitSubjectChangeNeedsChangeCert', 'change_cert'), CHANGE_CERT_REASON);
}

function extraMaterial(ctx: Ctx, rule: ExtraMaterialRule) {
  const { input } = ctx;
  if (!subjectScopeApplies(rule.subjects, input.subjectType)) return;
  if (!filingScopeApplies(rule.on, input.type, input.changeScope)) return;
  if (!rule.perWebsite) {
    if (orderConditionHolds(input, rule.when)) add(ctx, rule.material, rule.id, rule.reason, undefined, rule.label);
    return;
  }
  input.websites.forEach((w, i) => {
    const holds =
      rule.when.kind === 'pre_approval_declared'
        ? (w.preApprovals ?? []).length > 0
        : orderConditionHolds(input, rule.when);
    if (holds) add(ctx, rule.material, rule.id, rule.reason, i, rule.label);
  });
}
