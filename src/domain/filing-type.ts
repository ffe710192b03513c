/**
 * The twelve filing-order types (domain.md §2.2 T1–T12). The string values are also the DB values.
 * `category` groups them the way the lifecycle and the forms treat them.
 */
export const FILING_TYPES = [
  'first_filing', // T1 首次备案
  'add_website_subject_here', // T2 新增网站（本平台有主体）
  'add_website_subject_elsewhere', // T3 新增网站（本平台无主体）
  'add_access_subject_here', // T4 新增接入（本平台有主体）
  'add_access_subject_elsewhere', // T5 新增接入（本平台无主体）
  'change_subject', // T6 主体变更
  'change_website', // T7 网站变更
  'change_access', // T8 变更接入
  'change_images', // T9 变更图片
  'cancel_subject', // T10 主体注销
  'cancel_website', // T11 网站注销
  'cancel_access', // T12 取消接入
] as const;

export type FilingType = (typeof FILING_TYPES)[number];

export type FilingTypeCategory = 'new' | 'access' | 'change' | 'cancel';

export type FilingTypeInfo = {
  code: `T${number}`;
  nameZh: string;
  nameEn: string;
  category: FilingTypeCategory;
  /** The subject already has an active record on this platform (View B types). */
  needsSubjectHere: boolean;
  /** The order carries full subject data entered by the applicant. */
  carriesSubjectData: boolean;
  /** The order carries website data (new websites or edited ones). */
  carriesWebsiteData: boolean;
  /** Whether the website responsible person's authenticity verification is part of the flow. */
  needsAuthenticityVerification: boolean;
  /** Terminal state after the administration approves. */
  approvedState: 'approved' | 'completed_removed';
};

export const FILING_TYPE_INFO: Record<FilingType, FilingTypeInfo> = {
  first_filing: {
    code: 'T1',
    nameZh: '首次备案',
    nameEn: 'First filing',
    category: 'new',
    needsSubjectHere: false,
    carriesSubjectData: true,
    carriesWebsiteData: true,
    needsAuthenticityVerification: true,
    approvedState: 'approved',
  },
  add_website_subject_here: {
    code: 'T2',
    nameZh: '新增网站',
    nameEn: 'Add website',
    category: 'new',
    needsSubjectHere: true,
    carriesSubjectData: false,
    carriesWebsiteData: true,
    needsAuthenticityVerification: true,
    approvedState: 'approved',
  },
  add_website_subject_elsewhere: {
    code: 'T3',
    nameZh: '新增网站（主体已在其他接入商备案）',
    nameEn: 'Add website (subject filed elsewhere)',
    category: 'new',
    needsSubjectHere: false,
    carriesSubjectData: true,
    carriesWebsiteData: true,
    needsAuthenticityVerification: true,
    approvedState: 'approved',
  },
  add_access_subject_here: {
    code: 'T4',
    nameZh: '新增接入',
    nameEn: 'Add access',
    category: 'access',
    needsSubjectHere: true,
    carriesSubjectData: false,
    carriesWebsiteData: true,
    needsAuthenticityVerification: true,
    approvedState: 'approved',
  },
  add_access_subject_elsewhere: {
    code: 'T5',
    nameZh: '新增接入（主体已在其他接入商备案）',
    nameEn: 'Add access (subject filed elsewhere)',
    category: 'access',
    needsSubjectHere: false,
    carriesSubjectData: true,
    carriesWebsiteData: true,
    needsAuthenticityVerification: true,
    approvedState: 'approved',
  },
  change_subject: {
    code: 'T6',
    nameZh: '主体变更',
    nameEn: 'Change subject',
    category: 'change',
    needsSubjectHere: true,
    carriesSubjectData: true,
    carriesWebsiteData: true,
    needsAuthenticityVerification: true,
    approvedState: 'approved',
  },
  change_website: {
    code: 'T7',
    nameZh: '网站变更',
    nameEn: 'Change website',
    category: 'change',
    needsSubjectHere: true,
    carriesSubjectData: false,
    carriesWebsiteData: true,
    needsAuthenticityVerification: true,
    approvedState: 'approved',
  },
  change_access: {
    code: 'T8',
    nameZh: '变更接入',
    nameEn: 'Change access',
    category: 'change',
    needsSubjectHere: true,
    carriesSubjectData: false,
    carriesWebsiteData: true,
    needsAuthenticityVerification: false,
    approvedState: 'approved',
  },
  change_images: {
    code: 'T9',
    nameZh: '变更图片',
    nameEn: 'Change images',
    category: 'change',
    needsSubjectHere: true,
    carriesSubjectData: false,
    carriesWebsiteData: false,
    needsAuthenticityVerification: false,
    approvedState: 'approved',
  },
  cancel_subject: {
    code: 'T10',
    nameZh: '主体注销',
    nameEn: 'Cancel subject',
    category: 'cancel',
    needsSubjectHere: true,
    carriesSubjectData: false,
    carriesWebsiteData: false,
    needsAuthenticityVerification: false,
    approvedState: 'completed_removed',
  },
  cancel_website: {
    code: 'T11',
    nameZh: '网站注销',
    nameEn: 'Cancel website',
    category: 'cancel',
    needsSubjectHere: true,
    carriesSubjectData: false,
    carriesWebsiteData: false,
    needsAuthenticityVerification: false,
    approvedState: 'completed_removed',
  },
  cancel_access: {
    code: 'T12',
    nameZh: '取消接入',
    nameEn: 'Cancel access',
    category: 'cancel',
    needsSubjectHere: true,
    carriesSubjectData: false,
    carriesWebsiteData: false,
    needsAuthenticityVerification: false,
    approvedState: 'completed_removed',
  },
};
