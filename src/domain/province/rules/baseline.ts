import type { RuleSet } from './types.ts';

/**
 * National baseline (domain.md §7.0, §4.3 multiplicity rules, §8.6). A province module only lists where it
 * differs, so anything here applies in every province — and alone in Tibet, which has no provincial page.
 */
export const BASELINE: RuleSet = {
  // Enterprises file with the 3-in-1 licence; the standalone USCC certificate carries the same code.
  enterpriseCertificateTypes: ['business_license', 'uscc_certificate'],
  // Organisation-code certificates were merged into the USCC in 2015; tolerated with a warning unless a
  // province asks for the "latest 3-in-1" certificate.
  orgCodeCertificateAccepted: true,

  // The docs recommend the legal person everywhere; only provinces that require it turn this into a block.
  legalPersonAsSubjectResponsible: 'recommended',
  websiteAuthLetterIfNotLegalPerson: false,
  websiteResponsibleMustNotBeLegalPerson: false,
  websiteResponsibleMustEqualSubjectResponsibleIfNotLegalPerson: false,
  websiteResponsibleUniqueAcrossSubjects: false,

  individualId: 'any',
  localResidentIdPrefix: null,
  individualCertificateAddressMustBeLocal: false,
  unitResponsibleNonLocalNeedsResidenceProof: false,
  foreignNationals: 'allowed',
  // No national age rule (open question §10.13): minors get a warning, not a block, outside the age provinces.
  minAge: {},
  under18NeedsEmploymentCert: { unit: false, individual: false },

  localMobileRequired: 'none',
  emergencyPhoneMustDiffer: false,
  emergencyPhoneMustBeThirdParty: false,
  officePhoneRequired: false,

  // JD 2022+: at most 3 websites per submission.
  websitesPerSubmission: 3,
  maxWebsitesPerSubject: {},
  uniqueWebsiteNamesWithinSubject: false,
  unitWebsiteNameMustMatchSponsor: false,

  individualSubjectChange: 'allowed',
  unitSubjectChangeNeedsChangeCert: false,

  commitmentTemplate: null,
  extraMaterials: [
    {
      // A subject with more than 5 websites: 3 months of social insurance for each website responsible person.
      id: 'national.social_insurance_over_5_websites',
      material: 'social_insurance',
      subjects: 'all',
      on: 'new_or_access',
      perWebsite: true,
      when: { kind: 'subject_websites_over', threshold: 5 },
      reason: {
        zhCN: '主体名下网站超过5个，需提供网站负责人由主体连续缴纳3个月的社保证明',
        enUS: 'The subject will have more than 5 websites: 3 months of social insurance paid by the subject for the website responsible person',
      },
    },
    {
      // ... and a construction plan per website stating sponsor, certificate, domain and purpose.
      id: 'national.site_plan_over_5_websites',
      material: 'site_plan',
      subjects: 'all',
      on: 'new_or_access',
      perWebsite: true,
      when: { kind: 'subject_websites_over', threshold: 5 },
      reason: {
        zhCN: '主体名下网站超过5个，每个网站需提供网站建设方案书（含主办者名称、证件号、域名、具体用途及承诺）',
        enUS: 'The subject will have more than 5 websites: a construction plan per website (sponsor, certificate, domain, purpose, commitment)',
      },
    },
    {
      // Sites in pre-approval sectors upload the sector permit; reviewers ask for it case by case.
      id: 'national.pre_approval_doc',
      material: 'pre_approval_doc',
      subjects: 'all',
      on: 'website_data',
      perWebsite: true,
      when: { kind: 'pre_approval_declared' },
      reason: {
        zhCN: '网站填写了前置审批项，需上传对应的前置审批文件',
        enUS: 'The website declares a pre-approval: upload the permit',
      },
    },
  ],
  reviewerChecks: [
    {
      // Domain verification (§6.3) runs at the 管局; the registrant's real-name data is not in the form.
      id: 'national.domain_registrant_matches_subject',
      subjects: 'all',
      on: 'website_data',
      message: {
        zhCN: '域名须已实名认证，且注册人与备案主体（或主体负责人）一致',
        enUS: 'The domain must be real-name verified and registered to the filing subject (or its responsible person)',
      },
      fix: {
        zhCN: '在注册商处核对域名实名信息，不一致时先修改实名信息或备案信息',
        enUS: "Check the registrant's real-name data at the registrar and align it with the filing",
      },
    },
  ],
};
