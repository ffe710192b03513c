/**
 * Vocabularies of the filing forms (domain.md §4). Kept as data so the contracts, the validators and the
 * province rules share one list.
 */
export const SUBJECT_TYPES = [
  'enterprise', // 企业
  'individual', // 个人
  'public_institution', // 事业单位
  'government', // 政府机关
  'social_organization', // 社会团体
  'private_non_enterprise', // 民办非企业单位
  'foundation', // 基金会
  'law_firm', // 律师执业机构
  'mass_organization', // 群众性团体组织
  'military', // 部队
  'foreign_institution', // 境外机构
  'religious', // 宗教团体
  'medical', // 医疗机构
  'notary', // 公证机构
  'judicial_appraisal', // 司法鉴定机构
  'arbitration', // 仲裁机构
] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

export const SUBJECT_TYPE_LABELS: Record<SubjectType, string> = {
  enterprise: '企业',
  individual: '个人',
  public_institution: '事业单位',
  government: '政府机关',
  social_organization: '社会团体',
  private_non_enterprise: '民办非企业单位',
  foundation: '基金会',
  law_firm: '律师执业机构',
  mass_organization: '群众性团体组织',
  military: '部队',
  foreign_institution: '境外机构',
  religious: '宗教团体',
  medical: '医疗机构',
  notary: '公证机构',
  judicial_appraisal: '司法鉴定机构',
  arbitration: '仲裁机构',
};

/** Certificate types of natural persons (responsible persons, individual subjects). */
export const PERSON_ID_TYPES = [
  'resident_id', // 居民身份证
  'passport', // 护照
  'hk_macau_permit', // 港澳居民来往内地通行证
  'taiwan_permit', // 台湾居民来往大陆通行证
  'residence_permit', // 港澳台居民居住证
  'foreign_pr_card', // 外国人永久居留身份证
] as const;
export type PersonIdType = (typeof PERSON_ID_TYPES)[number];

/** Certificate types of units (organisations). Individuals use PERSON_ID_TYPES for the subject certificate. */
export const UNIT_CERTIFICATE_TYPES = [
  'business_license', // 营业执照（三证合一，统一社会信用代码）
  'uscc_certificate', // 统一社会信用代码证书
  'org_code_certificate', // 组织机构代码证
  'public_institution_certificate', // 事业单位法人证书
  'social_org_certificate', // 社会团体法人登记证书
  'private_non_enterprise_certificate', // 民办非企业单位登记证书
  'foundation_certificate', // 基金会法人登记证书
  'law_firm_license', // 律师事务所执业许可证
  'military_code', // 部队代号
  'other', // 其他
] as const;
export type UnitCertificateType = (typeof UNIT_CERTIFICATE_TYPES)[number];

export const SUBJECT_CERTIFICATE_TYPES = [...UNIT_CERTIFICATE_TYPES, ...PERSON_ID_TYPES] as const;
export type SubjectCertificateType = (typeof SUBJECT_CERTIFICATE_TYPES)[number];

export const SERVICE_CONTENTS = [
  'comprehensive_portal',
  'unit_portal',
  'online_shopping',
  'url_navigation',
  'blog',
  'forum',
  'online_game',
  'search_engine',
  'instant_messaging',
  'video_music',
  'online_payment',
  'other',
] as const;
export type ServiceContent = (typeof SERVICE_CONTENTS)[number];

export const WEBSITE_LANGUAGES = [
  'zh_hans',
  'zh_hant',
  'en',
  'mn',
  'bo',
  'ug',
  'kk',
  'ko_cn',
  'za',
  'ii',
  'ja',
  'ko',
  'ru',
  'fr',
  'de',
  'es',
  'ar',
  'other',
] as const;
export type WebsiteLanguage = (typeof WEBSITE_LANGUAGES)[number];

export const PRE_APPROVAL_TYPES = [
  'news',
  'publishing',
  'education',
  'medical',
  'drugs_devices',
  'culture',
  'radio_film_tv',
  'ride_hailing',
  'religion',
  'finance',
  'online_game',
] as const;
export type PreApprovalType = (typeof PRE_APPROVAL_TYPES)[number];

export const ACCESS_METHODS = ['virtual_host', 'dedicated_server', 'colocation', 'other'] as const;
export type AccessMethod = (typeof ACCESS_METHODS)[number];

/** Where the website responsible person's authenticity verification happens (domain.md §3.2). */
export const VERIFICATION_STAGES = ['after_provider_review', 'before_submit'] as const;
export type VerificationStage = (typeof VERIFICATION_STAGES)[number];
