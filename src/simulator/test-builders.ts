import type { Person, Subject, Website } from '../contracts/filing-data.ts';
import type { FilingType } from '../domain/filing-type.ts';
import type { RegulatorSubmission, SmsTarget } from '../domain/ports/regulator-gateway.ts';
import type { CreateFiledRecordInput } from './core/create-filed-record.ts';
import { residentIdCheck } from './seed-data.ts';

/** Builders of valid-looking platform data for simulator tests. All people and companies are fictitious. */
const id = (body17: string) => body17 + residentIdCheck(body17);

export const PEOPLE = {
  wang: { name: '王一鸣', idNumber: id('11010119850312001'), mobile: '13800000001' },
  li: { name: '李思远', idNumber: id('11010119900521002'), mobile: '13800000002' },
  zhao: { name: '赵雨桐', idNumber: id('31010119920817003'), mobile: '13800000003' },
  chen: { name: '陈浩然', idNumber: id('44030119880101004'), mobile: '13800000004' },
} as const;

export function aPerson(who: keyof typeof PEOPLE = 'wang', overrides: Partial<Person> = {}): Person {
  const p = PEOPLE[who];
  return {
    name: p.name,
    idType: 'resident_id',
    idNumber: p.idNumber,
    idValidUntil: 'long_term',
    mobile: p.mobile,
    emergencyPhone: '13900000009',
    email: 'someone@example.com',
    isLegalPerson: true,
    ...overrides,
  };
}

export function anIndividualSubject(person: Person = aPerson(), overrides: Partial<Subject> = {}): Subject {
  return {
    province: 'beijing',
    city: '北京市',
    subjectType: 'individual',
    certificateType: person.idType,
    certificateNumber: person.idNumber,
    sponsorName: person.name,
    certificateAddress: '北京市东城区示例路1号',
    mailingAddress: '北京市东城区示例路1号',
    responsiblePerson: person,
    ...overrides,
  };
}

export const UNIT_CODE = '91110000600037341L';

export function aUnitSubject(person: Person = aPerson(), overrides: Partial<Subject> = {}): Subject {
  return {
    province: 'beijing',
    city: '北京市',
    subjectType: 'enterprise',
    certificateType: 'business_license',
    certificateNumber: UNIT_CODE,
    sponsorName: '北京云帆示例科技有限公司',
    certificateAddress: '北京市海淀区示例大街8号',
    mailingAddress: '北京市海淀区示例大街8号',
    investorOrSupervisor: '王一鸣',
    responsiblePerson: person,
    ...overrides,
  };
}

export function aWebsite(domain: string, person: Person = aPerson(), overrides: Partial<Website> = {}) {
  const website: Website & { websiteNumber?: string } = {
    name: `示例网站 ${domain}`,
    domain,
    serviceContent: 'other',
    languages: ['zh_hans'],
    preApprovals: [],
    authorizationCode: 'AUTH-TEST-0001',
    ipAddresses: ['203.0.113.10'],
    accessMethod: 'virtual_host',
    sameAsSubjectResponsible: true,
    responsiblePerson: person,
    ...overrides,
  };
  return website;
}

export function smsTarget(person: Person, roles: SmsTarget['roles'] = [{ role: 'subject' }]): SmsTarget {
  return { roles, name: person.name, mobile: person.mobile, idType: person.idType, idLast6: person.idNumber.slice(-6) };
}

let counter = 0;

export function aSubmission(type: FilingType, overrides: Partial<RegulatorSubmission> = {}): RegulatorSubmission {
  counter += 1;
  return {
    idempotencyKey: `order-${counter}:1`,
    orderId: `order-${counter}`,
    type,
    province: 'beijing',
    websites: [],
    targetWebsiteNumbers: [],
    smsTargets: [],
    ...overrides,
  };
}

/** A filed record whose subject (and registered domains) match the given platform subject. */
export function filedRecordFor(
  subject: Subject,
  websites: CreateFiledRecordInput['websites'],
  overrides: Partial<CreateFiledRecordInput> = {},
): CreateFiledRecordInput {
  return {
    province: subject.province,
    subject: {
      name: subject.sponsorName,
      subjectType: subject.subjectType,
      certificateType: subject.certificateType,
      certificateNumber: subject.certificateNumber,
      responsible: {
        name: subject.responsiblePerson.name,
        idType: subject.responsiblePerson.idType,
        idNumber: subject.responsiblePerson.idNumber,
      },
    },
    websites,
    ...overrides,
  };
}
