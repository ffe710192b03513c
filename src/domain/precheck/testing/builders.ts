import type { Person, Subject, Website } from '../../../contracts/filing-data.ts';
import type { FilingType } from '../../filing-type.ts';
import { getProvince, type ProvinceCode } from '../../province/provinces.ts';
import type { PrecheckInput } from '../types.ts';

/**
 * Builders for pre-check drafts. Every identifier is synthetic and generated with its real check algorithm, so
 * fixtures never carry a real person's number and still pass the validators.
 */

/** A fixed instant: 2025-06-01 12:00 in Shanghai. */
export const NOW = new Date('2025-06-01T04:00:00Z');

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11643 MOD 11-2 check character of a 17-digit body. */
export const idCheckChar = (body17: string): string => {
  const sum = [...body17].reduce((s, d, i) => s + Number(d) * ID_WEIGHTS[i]!, 0);
  return '10X98765432'[sum % 11]!;
};

/** Synthetic 18-digit resident ID from a 6-digit region, a birth date and a sequence (odd = male). */
export const syntheticId = (region: string, birthDate: string, sequence = 123): string => {
  const body = `${region}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return `${body}${idCheckChar(body)}`;
};

/** Birth date making someone `age` years old on NOW (born on 1 January). */
export const birthDateForAge = (age: number): string => `${NOW.getUTCFullYear() - age}-01-01`;

/** A resident ID of the province (region `<prefix>0102`), `age` years old on NOW. */
export const idFor = (province: ProvinceCode, age = 35, sequence = 123): string =>
  syntheticId(`${getProvince(province).residentIdPrefix}0102`, birthDateForAge(age), sequence);

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Synthetic unified social credit code: enterprise (91), region, an 8-digit body with both check characters. */
export const syntheticUscc = (region = '110000', body8 = '60003734'): string => {
  const orgSum = [...body8].reduce((s, c, i) => s + Number.parseInt(c, 36) * ORG_WEIGHTS[i]!, 0);
  const orgCheck = 11 - (orgSum % 11);
  const head = `91${region}${body8}${orgCheck === 10 ? 'X' : orgCheck === 11 ? '0' : String(orgCheck)}`;
  const sum = [...head].reduce((s, c, i) => s + USCC_ALPHABET.indexOf(c) * (3 ** i % 31), 0);
  return `${head}${USCC_ALPHABET[(31 - (sum % 31)) % 31]}`;
};

/** A responsible person; `n` keeps mobiles and IDs distinct between people of one draft. */
export const person = (province: ProvinceCode, n = 0, over: Partial<Person> = {}): Person => ({
  name: ['张三', '李四', '王五', '赵六', '钱七'][n % 5]!,
  idType: 'resident_id',
  idNumber: idFor(province, 35, 101 + n * 2),
  idValidUntil: 'long_term',
  mobile: `1380013${String(1000 + n).slice(-4)}`,
  emergencyPhone: `1390013${String(1000 + n).slice(-4)}`,
  email: `person${n}@example.com`,
  isLegalPerson: n === 0,
  ...over,
});

export const unitSubject = (province: ProvinceCode, over: Partial<Subject> = {}): Subject => {
  const place = getProvince(province).nameZh;
  return {
    province,
    city: '示例市',
    subjectType: 'enterprise',
    certificateType: 'business_license',
    certificateNumber: syntheticUscc(`${getProvince(province).residentIdPrefix}0000`),
    sponsorName: `${place}示例科技有限公司`,
    certificateAddress: `${place}示例市示例路1号`,
    mailingAddress: `${place}示例市示例路1号`,
    investorOrSupervisor: '张三',
    responsiblePerson: person(province, 0),
    ...over,
  };
};

export const individualSubject = (province: ProvinceCode, over: Partial<Subject> = {}): Subject => {
  const self = person(province, 0, { isLegalPerson: false });
  const place = getProvince(province).nameZh;
  return {
    province,
    city: '示例市',
    subjectType: 'individual',
    certificateType: 'resident_id',
    certificateNumber: self.idNumber,
    sponsorName: self.name,
    certificateAddress: `${place}示例市示例路2号`,
    mailingAddress: `${place}示例市示例路2号`,
    responsiblePerson: self,
    ...over,
  };
};

export const website = (responsible: Person, n = 0, over: Partial<Website> = {}): Website => ({
  name: n === 0 ? '示例科技' : `示例科技${'甲乙丙丁戊'[n % 5]}`,
  domain: `example${n}.com`,
  serviceContent: 'blog',
  languages: ['zh_hans'],
  preApprovals: [],
  authorizationCode: `AUTH-${1000 + n}`,
  ipAddresses: ['1.2.3.4'],
  accessMethod: 'virtual_host',
  sameAsSubjectResponsible: false,
  responsiblePerson: responsible,
  ...over,
});

/** First filing of an enterprise: the legal person heads the subject, another person runs the website. */
export const unitDraft = (province: ProvinceCode, type: FilingType = 'first_filing'): PrecheckInput => {
  const subject = unitSubject(province);
  const here = type === 'add_website_subject_here' || type === 'add_access_subject_here' || type === 'change_website';
  return {
    type,
    data: { ...(here ? {} : { subject }), websites: [website(person(province, 1))] },
    now: NOW,
    verificationStage: 'before_submit',
    existing: here ? { subject, websiteNames: ['示例科技旧站'], websiteCount: 1 } : undefined,
    materials: [],
  };
};

/** First filing of an individual who is also the website responsible person. */
export const individualDraft = (province: ProvinceCode, type: FilingType = 'first_filing'): PrecheckInput => {
  const subject = individualSubject(province);
  const here = type === 'add_website_subject_here' || type === 'add_access_subject_here' || type === 'change_website';
  return {
    type,
    data: {
      ...(here ? {} : { subject }),
      websites: [website(subject.responsiblePerson, 0, { sameAsSubjectResponsible: true, name: '张三的读书笔记' })],
    },
    now: NOW,
    verificationStage: 'before_submit',
    existing: here ? { subject, websiteNames: ['旧站'], websiteCount: 1 } : undefined,
    materials: [],
  };
};

/** A subject change from `before` (on file) to `after`. */
export const changeSubjectDraft = (before: Subject, after: Subject): PrecheckInput => ({
  type: 'change_subject',
  data: { subject: after, websites: [], changeScope: { subject: true, websites: false } },
  now: NOW,
  verificationStage: 'before_submit',
  existing: { subject: before, websiteNames: ['示例科技'], websiteCount: 1 },
  materials: [],
});

/** Deep copy with an in-place edit, so table rows can derive variants from one base draft. */
export const edit = (input: PrecheckInput, change: (draft: PrecheckInput) => void): PrecheckInput => {
  const copy = structuredClone(input);
  change(copy);
  return copy;
};
