import { describe, expect, it } from 'vitest';
import { DomainError, type ErrorCode } from './errors.ts';
import type { FilingType } from './filing-type.ts';
import { type DeterminationInput, determineFilingType, normalizeSubjectNumber } from './filing-type-determination.ts';
import type { DomainFilingStatus, SubjectNumberStatus } from './ports/regulator-gateway.ts';

const OWN = '京ICP备04000001号';
const OTHER = '沪ICP备12345678号';

const unfiled: DomainFilingStatus = { filed: false };
const filedUnder = (subjectNumber: string): DomainFilingStatus => ({
  filed: true,
  subjectNumber,
  websiteNumber: `${subjectNumber}-1`,
  subjectName: '示例科技有限公司',
  province: 'beijing',
  accessProviderCount: 1,
});
const found: SubjectNumberStatus = {
  found: true,
  subjectName: '示例科技有限公司',
  province: 'beijing',
  certificateType: 'business_license',
  active: true,
};

/** View A: no subject here. */
const viewA = (over: Partial<DeterminationInput>): DeterminationInput => ({
  accountHasSubjectHere: false,
  domain: 'example.cn',
  subjectAlreadyFiled: false,
  domainStatus: unfiled,
  domainHostedHere: false,
  ...over,
});
/** View A with the "subject already filed" box ticked and a valid number. */
const ticked = (over: Partial<DeterminationInput>): DeterminationInput =>
  viewA({ subjectAlreadyFiled: true, subjectFilingNumber: OWN, subjectNumberStatus: found, ...over });
/** View B: the account's subject is here. */
const viewB = (over: Partial<DeterminationInput>): DeterminationInput => ({
  accountHasSubjectHere: true,
  domain: 'example.cn',
  subjectHereNumber: OWN,
  subjectAlreadyFiled: false,
  domainStatus: unfiled,
  domainHostedHere: false,
  ...over,
});

const outcome = (input: DeterminationInput): FilingType | ErrorCode => {
  try {
    return determineFilingType(input).type;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
};

const ROWS: Array<[string, DeterminationInput, FilingType | ErrorCode]> = [
  // §2.1 decision table, consistent rows
  ['A: not ticked, domain unfiled → T1', viewA({}), 'first_filing'],
  ['A: ticked, domain unfiled → T3', ticked({}), 'add_website_subject_elsewhere'],
  [
    'A: ticked, domain filed under that subject → T5',
    ticked({ domainStatus: filedUnder(OWN) }),
    'add_access_subject_elsewhere',
  ],
  ['B: add website, domain unfiled → T2', viewB({ intent: 'add_website' }), 'add_website_subject_here'],
  [
    'B: add access, domain filed under this subject → T4',
    viewB({ intent: 'add_access', domainStatus: filedUnder(OWN) }),
    'add_access_subject_here',
  ],
  // §2.1 inconsistent rows
  [
    'A: not ticked, domain filed → number required',
    viewA({ domainStatus: filedUnder(OWN) }),
    'TYPE_SUBJECT_NUMBER_REQUIRED',
  ],
  [
    'A: not ticked, domain filed by someone else → number required first',
    viewA({ domainStatus: filedUnder(OTHER) }),
    'TYPE_SUBJECT_NUMBER_REQUIRED',
  ],
  [
    'A: ticked, domain under another subject',
    ticked({ domainStatus: filedUnder(OTHER) }),
    'TYPE_DOMAIN_OWNED_BY_OTHER_SUBJECT',
  ],
  [
    'B: add access, domain under another subject',
    viewB({ intent: 'add_access', domainStatus: filedUnder(OTHER) }),
    'TYPE_DOMAIN_OWNED_BY_OTHER_SUBJECT',
  ],
  [
    'B: add website, domain under another subject',
    viewB({ intent: 'add_website', domainStatus: filedUnder(OTHER) }),
    'TYPE_DOMAIN_OWNED_BY_OTHER_SUBJECT',
  ],
  // wrong View B choice
  [
    'B: add website, but the domain is filed',
    viewB({ intent: 'add_website', domainStatus: filedUnder(OWN) }),
    'TYPE_DOMAIN_ALREADY_FILED',
  ],
  ['B: add access, but the domain is not filed', viewB({ intent: 'add_access' }), 'TYPE_DOMAIN_NOT_FILED'],
  // subject number problems
  ['A: ticked, number unknown', ticked({ subjectNumberStatus: { found: false } }), 'TYPE_SUBJECT_NUMBER_UNKNOWN'],
  [
    'A: ticked, number cancelled',
    ticked({ subjectNumberStatus: { ...found, active: false } }),
    'TYPE_SUBJECT_NUMBER_UNKNOWN',
  ],
  [
    'A: ticked, number unknown beats a filed domain',
    ticked({ subjectNumberStatus: { found: false }, domainStatus: filedUnder(OWN) }),
    'TYPE_SUBJECT_NUMBER_UNKNOWN',
  ],
  ['A: ticked, number left blank', ticked({ subjectFilingNumber: '  ' }), 'VALIDATION_FAILED'],
  ['A: ticked, lookup not done (caller bug)', ticked({ subjectNumberStatus: undefined }), 'INTERNAL'],
  // already here / wrong view
  [
    'A: ticked, domain already hosted here',
    ticked({ domainStatus: filedUnder(OWN), domainHostedHere: true }),
    'TYPE_DOMAIN_ALREADY_HERE',
  ],
  ['A: not ticked, hosted here but lookup says unfiled', viewA({ domainHostedHere: true }), 'TYPE_DOMAIN_ALREADY_HERE'],
  ['A: ticked, hosted here but lookup says unfiled', ticked({ domainHostedHere: true }), 'TYPE_DOMAIN_ALREADY_HERE'],
  [
    'B: add access, domain already hosted here',
    viewB({ intent: 'add_access', domainStatus: filedUnder(OWN), domainHostedHere: true }),
    'TYPE_DOMAIN_ALREADY_HERE',
  ],
  [
    'B: add website, domain already hosted here',
    viewB({ intent: 'add_website', domainStatus: filedUnder(OWN), domainHostedHere: true }),
    'TYPE_DOMAIN_ALREADY_HERE',
  ],
  [
    'B: add website, hosted here but lookup says unfiled',
    viewB({ intent: 'add_website', domainHostedHere: true }),
    'TYPE_DOMAIN_ALREADY_HERE',
  ],
  // One entry point (issue 6 #1): with a subject here the system picks 新增网站 or 新增接入 itself
  ['B: no intent, domain unfiled → T2', viewB({}), 'add_website_subject_here'],
  [
    'B: no intent, domain filed under this subject → T4',
    viewB({ domainStatus: filedUnder(OWN) }),
    'add_access_subject_here',
  ],
  [
    'B: no intent, domain under another subject',
    viewB({ domainStatus: filedUnder(OTHER) }),
    'TYPE_DOMAIN_OWNED_BY_OTHER_SUBJECT',
  ],
  [
    'B: no intent, domain already hosted here',
    viewB({ domainStatus: filedUnder(OWN), domainHostedHere: true }),
    'TYPE_DOMAIN_ALREADY_HERE',
  ],
  ['B: no intent, hosted here but lookup says unfiled', viewB({ domainHostedHere: true }), 'TYPE_DOMAIN_ALREADY_HERE'],
  [
    'B: no intent even with the box ticked',
    viewB({ subjectAlreadyFiled: true, subjectFilingNumber: OWN }),
    'add_website_subject_here',
  ],
  ['B: own number missing (caller bug)', viewB({ subjectHereNumber: undefined }), 'INTERNAL'],
  ['A: a View B intent without a subject here', viewA({ intent: 'add_website' }), 'TYPE_NO_SUBJECT_HERE'],
  [
    'B: filed domain but own number missing (caller bug)',
    viewB({ intent: 'add_access', subjectHereNumber: undefined, domainStatus: filedUnder(OWN) }),
    'INTERNAL',
  ],
  // View B ignores the View A checkbox
  [
    'B: box ticked is ignored',
    viewB({ intent: 'add_website', subjectAlreadyFiled: true, subjectFilingNumber: OTHER }),
    'add_website_subject_here',
  ],
  // number comparison tolerates width, spacing and case
  [
    'A: number typed with full-width digits and spaces',
    ticked({ subjectFilingNumber: '京ICP备 ０４０００００１ 号', domainStatus: filedUnder(OWN) }),
    'add_access_subject_elsewhere',
  ],
  [
    'B: lower-case icp in the own number',
    viewB({ intent: 'add_access', subjectHereNumber: '京icp备04000001号', domainStatus: filedUnder(OWN) }),
    'add_access_subject_here',
  ],
];

describe('determineFilingType', () => {
  it.each(ROWS)('%s', (_name, input, expected) => {
    expect(outcome(input)).toBe(expected);
  });

  it('is pure: the same input always gives the same answer and is not changed', () => {
    const input = Object.freeze(ticked({ domainStatus: filedUnder(OWN) }));
    const first = determineFilingType(input);
    expect(first.type).toBe('add_access_subject_elsewhere');
    expect(determineFilingType(input)).toEqual(first);
  });

  it.each([
    [viewA({}), 'first_filing', 'NO_SUBJECT_DOMAIN_NOT_FILED'],
    [viewB({}), 'add_website_subject_here', 'SUBJECT_HERE_DOMAIN_NOT_FILED'],
    [ticked({}), 'add_website_subject_elsewhere', 'SUBJECT_ELSEWHERE_DOMAIN_NOT_FILED'],
    [viewB({ domainStatus: filedUnder(OWN) }), 'add_access_subject_here', 'SUBJECT_HERE_DOMAIN_FILED'],
    [ticked({ domainStatus: filedUnder(OWN) }), 'add_access_subject_elsewhere', 'SUBJECT_ELSEWHERE_DOMAIN_FILED'],
  ] as const)('names why it chose %#: %s because %s', (input, type, code) => {
    const { type: chosen, reason } = determineFilingType(input);
    expect(chosen).toBe(type);
    expect(reason.code).toBe(code);
    expect(reason.message.zhCN).toContain('example.cn');
    expect(reason.message.enUS).toContain('example.cn');
    if (input.domainStatus.filed) expect(reason.message.zhCN).toContain(input.domainStatus.websiteNumber);
    if (code.startsWith('SUBJECT_')) expect(reason.message.enUS).toContain(OWN);
  });
});

describe('normalizeSubjectNumber', () => {
  it('folds width, spaces and case', () => {
    expect(normalizeSubjectNumber(' 京icp备０４000001号 ')).toBe('京ICP备04000001号');
  });
});
