import type {
  ACCESS_METHODS,
  PERSON_ID_TYPES,
  PRE_APPROVAL_TYPES,
  SERVICE_CONTENTS,
  SUBJECT_TYPES,
  UNIT_CERTIFICATE_TYPES,
  WEBSITE_LANGUAGES,
} from '../../../src/contracts/reference-data.ts';
import type { Message } from '../i18n/message.ts';

/** Labels of the form vocabularies in both languages (the values are the contracts' enums). */
type Labels<T extends readonly string[]> = Record<T[number], Message>;

export const subjectTypeLabels: Labels<typeof SUBJECT_TYPES> = {
  enterprise: { zh: '企业', en: 'Enterprise' },
  individual: { zh: '个人', en: 'Individual' },
  public_institution: { zh: '事业单位', en: 'Public institution' },
  government: { zh: '政府机关', en: 'Government agency' },
  social_organization: { zh: '社会团体', en: 'Social organisation' },
  private_non_enterprise: { zh: '民办非企业单位', en: 'Private non-enterprise unit' },
  foundation: { zh: '基金会', en: 'Foundation' },
  law_firm: { zh: '律师执业机构', en: 'Law firm' },
  mass_organization: { zh: '群众性团体组织', en: 'Mass organisation' },
  military: { zh: '部队', en: 'Military unit' },
  foreign_institution: { zh: '境外机构', en: 'Foreign institution' },
  religious: { zh: '宗教团体', en: 'Religious group' },
  medical: { zh: '医疗机构', en: 'Medical institution' },
  notary: { zh: '公证机构', en: 'Notary office' },
  judicial_appraisal: { zh: '司法鉴定机构', en: 'Judicial appraisal institution' },
  arbitration: { zh: '仲裁机构', en: 'Arbitration institution' },
};

export const personIdTypeLabels: Labels<typeof PERSON_ID_TYPES> = {
  resident_id: { zh: '居民身份证', en: 'Resident ID card' },
  passport: { zh: '护照', en: 'Passport' },
  hk_macau_permit: { zh: '港澳居民来往内地通行证', en: 'Hong Kong/Macao permit' },
  taiwan_permit: { zh: '台湾居民来往大陆通行证', en: 'Taiwan permit' },
  residence_permit: { zh: '港澳台居民居住证', en: 'HK/Macao/Taiwan residence permit' },
  foreign_pr_card: { zh: '外国人永久居留身份证', en: 'Foreign permanent residence card' },
};

export const unitCertificateTypeLabels: Labels<typeof UNIT_CERTIFICATE_TYPES> = {
  business_license: { zh: '营业执照（统一社会信用代码）', en: 'Business licence (credit code)' },
  uscc_certificate: { zh: '统一社会信用代码证书', en: 'Unified social credit code certificate' },
  org_code_certificate: { zh: '组织机构代码证', en: 'Organisation code certificate' },
  public_institution_certificate: { zh: '事业单位法人证书', en: 'Public institution legal person certificate' },
  social_org_certificate: { zh: '社会团体法人登记证书', en: 'Social organisation registration certificate' },
  private_non_enterprise_certificate: {
    zh: '民办非企业单位登记证书',
    en: 'Private non-enterprise registration certificate',
  },
  foundation_certificate: { zh: '基金会法人登记证书', en: 'Foundation registration certificate' },
  law_firm_license: { zh: '律师事务所执业许可证', en: 'Law firm practice licence' },
  military_code: { zh: '部队代号', en: 'Military unit code' },
  other: { zh: '其他', en: 'Other' },
};

export const certificateTypeLabels = { ...unitCertificateTypeLabels, ...personIdTypeLabels };

export const serviceContentLabels: Labels<typeof SERVICE_CONTENTS> = {
  comprehensive_portal: { zh: '综合门户', en: 'Comprehensive portal' },
  unit_portal: { zh: '单位门户网站', en: 'Organisation website' },
  online_shopping: { zh: '网上购物', en: 'Online shopping' },
  url_navigation: { zh: '网址导航', en: 'Web directory' },
  blog: { zh: '博客/个人空间', en: 'Blog / personal space' },
  forum: { zh: '论坛/社区', en: 'Forum / community' },
  online_game: { zh: '网络游戏', en: 'Online games' },
  search_engine: { zh: '搜索引擎', en: 'Search engine' },
  instant_messaging: { zh: '即时通信', en: 'Instant messaging' },
  video_music: { zh: '视频/音乐', en: 'Video / music' },
  online_payment: { zh: '网上支付', en: 'Online payment' },
  other: { zh: '其他', en: 'Other' },
};

export const websiteLanguageLabels: Labels<typeof WEBSITE_LANGUAGES> = {
  zh_hans: { zh: '中文简体', en: 'Simplified Chinese' },
  zh_hant: { zh: '中文繁体', en: 'Traditional Chinese' },
  en: { zh: '英语', en: 'English' },
  mn: { zh: '蒙古语', en: 'Mongolian' },
  bo: { zh: '藏语', en: 'Tibetan' },
  ug: { zh: '维吾尔语', en: 'Uyghur' },
  kk: { zh: '哈萨克语', en: 'Kazakh' },
  ko_cn: { zh: '朝鲜语', en: 'Korean (China)' },
  za: { zh: '壮语', en: 'Zhuang' },
  ii: { zh: '彝语', en: 'Yi' },
  ja: { zh: '日语', en: 'Japanese' },
  ko: { zh: '韩语', en: 'Korean' },
  ru: { zh: '俄语', en: 'Russian' },
  fr: { zh: '法语', en: 'French' },
  de: { zh: '德语', en: 'German' },
  es: { zh: '西班牙语', en: 'Spanish' },
  ar: { zh: '阿拉伯语', en: 'Arabic' },
  other: { zh: '其他语言', en: 'Other language' },
};

export const preApprovalLabels: Labels<typeof PRE_APPROVAL_TYPES> = {
  news: { zh: '新闻', en: 'News' },
  publishing: { zh: '出版', en: 'Publishing' },
  education: { zh: '教育', en: 'Education' },
  medical: { zh: '医疗保健', en: 'Healthcare' },
  drugs_devices: { zh: '药品和医疗器械', en: 'Drugs and medical devices' },
  culture: { zh: '文化', en: 'Culture' },
  radio_film_tv: { zh: '广播电影电视节目', en: 'Radio, film and TV' },
  ride_hailing: { zh: '网络预约车', en: 'Ride hailing' },
  religion: { zh: '宗教', en: 'Religion' },
  finance: { zh: '金融', en: 'Finance' },
  online_game: { zh: '网络游戏', en: 'Online games' },
};

export const accessMethodLabels: Labels<typeof ACCESS_METHODS> = {
  virtual_host: { zh: '虚拟主机', en: 'Virtual host' },
  dedicated_server: { zh: '专线/独立服务器', en: 'Dedicated server' },
  colocation: { zh: '主机托管', en: 'Colocation' },
  other: { zh: '其他', en: 'Other' },
};
