import { randomInt } from 'node:crypto';
import sharp from 'sharp';
import type { Person, Subject, Website } from '../../src/contracts/filing-data.ts';

/** Synthetic identifiers computed with the published check algorithms; never a real person's number. */
export function residentId(region = '110105', birth = '19900307'): string {
  const body = `${region}${birth}${String(randomInt(100, 999))}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function uscc(region = '110105'): string {
  const org = Array.from({ length: 8 }, () => String(randomInt(0, 10))).join('');
  const orgSum = [3, 7, 9, 10, 5, 8, 4, 2].reduce((s, w, i) => s + w * ORG_CHARS.indexOf(org[i]!), 0);
  const c9 = 11 - (orgSum % 11);
  const body = `91${region}${org}${c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9)}`;
  const sum = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28].reduce(
    (s, w, i) => s + w * USCC_CHARS.indexOf(body[i]!),
    0,
  );
  return body + USCC_CHARS[(31 - (sum % 31)) % 31];
}

/** A mobile in a range libphonenumber lists as assigned (138…), unique enough per test. */
export const mobile = (): string => `138${String(randomInt(10_000_000, 99_999_999))}`;

export const uniqueDomain = (label = 'site'): string => `${label}-${randomInt(1e8, 1e9 - 1).toString(36)}.cn`;

export function person(overrides: Partial<Person> = {}): Person {
  return {
    name: '张三',
    idType: 'resident_id',
    idNumber: residentId(),
    idValidUntil: '2036-05-01',
    mobile: mobile(),
    emergencyPhone: mobile(),
    email: 'owner@example.cn',
    isLegalPerson: true,
    ...overrides,
  };
}

export function individualSubject(rp: Person = person(), overrides: Partial<Subject> = {}): Subject {
  return {
    province: 'beijing',
    city: '北京市',
    district: '海淀区',
    subjectType: 'individual',
    certificateType: 'resident_id',
    certificateNumber: rp.idNumber,
    certificateValidUntil: rp.idValidUntil,
    sponsorName: rp.name,
    certificateAddress: '北京市海淀区中关村大街1号',
    mailingAddress: '北京市海淀区中关村大街1号',
    responsiblePerson: rp,
    ...overrides,
  };
}

export function enterpriseSubject(legal: Person = person({ name: '李四' }), overrides: Partial<Subject> = {}): Subject {
  return {
    province: 'beijing',
    city: '北京市',
    district: '朝阳区',
    subjectType: 'enterprise',
    certificateType: 'business_license',
    certificateNumber: uscc(),
    certificateValidUntil: 'long_term',
    sponsorName: '北京云帆信息技术有限公司',
    certificateAddress: '北京市朝阳区建国路88号',
    mailingAddress: '北京市朝阳区建国路88号',
    investorOrSupervisor: '李四',
    responsiblePerson: legal,
    ...overrides,
  };
}

export function website(
  domain: string,
  authorizationCode: string,
  ip: string,
  rp: Person,
  overrides: Partial<Website> = {},
): Website {
  return {
    name: '云帆技术博客',
    domain,
    serviceContent: 'blog',
    languages: ['zh_hans'],
    preApprovals: [],
    authorizationCode,
    ipAddresses: [ip],
    accessMethod: 'virtual_host',
    sameAsSubjectResponsible: true,
    responsiblePerson: rp,
    ...overrides,
  };
}

/** A small real JPEG (certificate scan stand-in), different on every call. */
export async function jpeg(): Promise<Buffer> {
  return sharp({
    create: { width: 64, height: 48, channels: 3, background: { r: randomInt(0, 255), g: 120, b: 200 } },
  })
    .jpeg()
    .toBuffer();
}

/** A multipart body: fields first, then the file (the order readSingleUpload expects). */
export function multipart(fields: Record<string, string>, file: Buffer, filename = 'scan.jpg') {
  const boundary = `----beian${randomInt(1e9)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
