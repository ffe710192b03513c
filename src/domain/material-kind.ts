/** Material (image) kinds (domain.md §5.2). String values are also the DB values. */
export const MATERIAL_KINDS = [
  'subject_cert', // 主办单位证件
  'subject_cert_extra', // 营业执照附件 / 辅助材料
  'subject_rp_id', // 主体负责人身份证件
  'website_rp_id', // 网站负责人身份证件
  'personal_id', // 个人身份证件（个人主体）
  'verification_form', // 网站备案信息真实性核验单
  'domain_cert', // 域名证书
  'commitment', // 互联网信息服务备案承诺书
  'auth_website_rp', // 网站负责人授权书
  'auth_subject_rp', // 主体负责人授权书
  'change_cert', // 变更证明
  'residence_proof', // 居住证 / 居住证明
  'employment_cert', // 就业证明
  'social_insurance', // 社保证明
  'site_plan', // 网站建设方案书
  'authenticity_guarantee', // 网站备案信息真实性保证书
  'authenticity_notice', // 网站备案信息真实性责任告知书
  'party_building_cert', // 党建证明
  'no_preapproval_commitment', // 不涉及前置审批承诺书
  'no_education_commitment', // 不涉及教育/校外培训承诺书
  'finance_commitment', // 金融业务承诺书
  'ecommerce_note', // 电子商务情况说明
  'pre_approval_doc', // 前置审批文件
  'curtain_photo', // 幕布照片（当面核验）
  'e_verify_video', // 电子核验（证件识别 + 视频）
] as const;

export type MaterialKind = (typeof MATERIAL_KINDS)[number];

/** Kinds that are certificates: they carry a validity end date that must be more than 3 months away. */
export const CERTIFICATE_MATERIAL_KINDS: readonly MaterialKind[] = [
  'subject_cert',
  'subject_rp_id',
  'website_rp_id',
  'personal_id',
  'residence_proof',
];

/** Kinds that belong to one website of the order (carry a website index). */
export const PER_WEBSITE_MATERIAL_KINDS: readonly MaterialKind[] = [
  'website_rp_id',
  'verification_form',
  'domain_cert',
  'auth_website_rp',
  'site_plan',
  'social_insurance',
  'employment_cert',
  'pre_approval_doc',
  'curtain_photo',
  'e_verify_video',
];

/** Kinds used for the authenticity verification of a website responsible person, not the filing itself. */
export const AUTHENTICITY_MATERIAL_KINDS: readonly MaterialKind[] = ['curtain_photo', 'e_verify_video'];

export const MATERIAL_KIND_LABELS: Record<MaterialKind, { zhCN: string; enUS: string }> = {
  subject_cert: { zhCN: '主办单位证件', enUS: 'Subject certificate' },
  subject_cert_extra: { zhCN: '辅助材料（证件附页等）', enUS: 'Supplementary pages' },
  subject_rp_id: { zhCN: '主体负责人证件', enUS: "Subject responsible person's ID" },
  website_rp_id: { zhCN: '网站负责人证件', enUS: "Website responsible person's ID" },
  personal_id: { zhCN: '个人身份证件', enUS: 'Personal ID' },
  verification_form: { zhCN: '网站备案信息真实性核验单', enUS: 'Authenticity verification form' },
  domain_cert: { zhCN: '域名证书', enUS: 'Domain certificate' },
  commitment: { zhCN: '互联网信息服务备案承诺书', enUS: 'Filing commitment letter' },
  auth_website_rp: { zhCN: '网站负责人授权书', enUS: 'Website responsible person authorization letter' },
  auth_subject_rp: { zhCN: '主体负责人授权书', enUS: 'Subject responsible person authorization letter' },
  change_cert: { zhCN: '变更证明（市场监管部门出具）', enUS: 'Change certificate' },
  residence_proof: { zhCN: '居住证 / 居住证明', enUS: 'Residence permit or proof' },
  employment_cert: { zhCN: '就业证明', enUS: 'Employment certificate' },
  social_insurance: { zhCN: '社保证明（连续3个月）', enUS: 'Social insurance proof (3 months)' },
  site_plan: { zhCN: '网站建设方案书', enUS: 'Website construction plan' },
  authenticity_guarantee: { zhCN: '网站备案信息真实性保证书', enUS: 'Authenticity guarantee letter' },
  authenticity_notice: { zhCN: '网站备案信息真实性责任告知书', enUS: 'Notice of responsibility for authenticity' },
  party_building_cert: { zhCN: '党建证明', enUS: 'Party-building certificate' },
  no_preapproval_commitment: { zhCN: '不涉及前置审批承诺书', enUS: 'No pre-approval content commitment' },
  no_education_commitment: { zhCN: '不涉及教育/校外培训承诺书', enUS: 'No education/training commitment' },
  finance_commitment: { zhCN: '金融业务承诺书', enUS: 'Financial business commitment' },
  ecommerce_note: { zhCN: '电子商务情况说明', enUS: 'E-commerce statement' },
  pre_approval_doc: { zhCN: '前置审批文件', enUS: 'Pre-approval document' },
  curtain_photo: { zhCN: '幕布照片（当面核验）', enUS: 'Curtain photo' },
  e_verify_video: { zhCN: '电子核验视频', enUS: 'Electronic verification video' },
};
