import { describe, expect, it } from 'vitest';
import type { ChangeScope, Person } from '../contracts/filing-data.ts';
import { FILING_TYPES, type FilingType } from './filing-type.ts';
import { computeSmsTargets, idLast6, normalizeMobile, type SmsTargetInput, smsRequired } from './sms-targets.ts';

const person = (name: string, mobile: string, idNumber: string): Person => ({
  name,
  idType: 'resident_id',
  idNumber,
  idValidUntil: 'long_term',
  mobile,
  emergencyPhone: '13900000000',
  email: 'x@example.com',
  isLegalPerson: true,
});

const ZHANG = person('张三', '13800138000', '11010519491231002X');
const LI = person('李四', '13700137000', '110105198001010011');
const WANG = person('王五', '13600136000', '110105199002020022');

const data = (over: Partial<SmsTargetInput> = {}): SmsTargetInput => ({
  subject: { responsiblePerson: ZHANG },
  websites: [{ responsiblePerson: LI }, { responsiblePerson: WANG }],
  ...over,
});

/** Compact view: name and roles per target, in order. */
const who = (type: FilingType, input: SmsTargetInput, existing?: Person) =>
  computeSmsTargets(type, input, existing).map((t) => ({ name: t.name, roles: t.roles }));

const S = { role: 'subject' as const };
const W = (websiteIndex: number) => ({ role: 'website' as const, websiteIndex });

describe('computeSmsTargets per type (§6.1)', () => {
  it('T1 verifies the subject and every website responsible person', () => {
    expect(computeSmsTargets('first_filing', data())).toEqual([
      { roles: [S], name: '张三', mobile: '13800138000', idType: 'resident_id', idLast6: '31002X' },
      { roles: [W(0)], name: '李四', mobile: '13700137000', idType: 'resident_id', idLast6: '010011' },
      { roles: [W(1)], name: '王五', mobile: '13600136000', idType: 'resident_id', idLast6: '020022' },
    ]);
  });

  const websiteOnly: FilingType[] = [
    'add_website_subject_here',
    'add_website_subject_elsewhere',
    'add_access_subject_here',
    'add_access_subject_elsewhere',
    'change_website',
    'change_access',
    'cancel_website',
  ];
  it.each(websiteOnly)('%s verifies website responsible persons only', (type) => {
    expect(who(type, data())).toEqual([
      { name: '李四', roles: [W(0)] },
      { name: '王五', roles: [W(1)] },
    ]);
  });

  it.each([
    [{ subject: true, websites: false }, [{ name: '张三', roles: [S] }]],
    [
      { subject: false, websites: true },
      [
        { name: '李四', roles: [W(0)] },
        { name: '王五', roles: [W(1)] },
      ],
    ],
    [
      { subject: true, websites: true },
      [
        { name: '张三', roles: [S] },
        { name: '李四', roles: [W(0)] },
        { name: '王五', roles: [W(1)] },
      ],
    ],
    [{ subject: false, websites: false }, []],
    [undefined, [{ name: '张三', roles: [S] }]],
  ] as Array<[ChangeScope | undefined, unknown]>)('T6 with scope %o', (changeScope, expected) => {
    expect(who('change_subject', data({ changeScope }))).toEqual(expected);
  });

  it.each(['change_images', 'cancel_access'] as const)('%s verifies nobody', (type) => {
    expect(computeSmsTargets(type, data())).toEqual([]);
  });

  it('T10 uses the filed subject responsible person when the order carries no subject', () => {
    expect(who('cancel_subject', data({ subject: undefined, websites: [] }), WANG)).toEqual([
      { name: '王五', roles: [S] },
    ]);
  });

  it('T10 prefers the order data, so a changed mobile gets the code', () => {
    expect(who('cancel_subject', data(), WANG)).toEqual([{ name: '张三', roles: [S] }]);
  });

  it('T10 without any subject responsible person is incomplete', () => {
    expect(() => computeSmsTargets('cancel_subject', data({ subject: undefined }))).toThrow(
      expect.objectContaining({ code: 'ORDER_INCOMPLETE' }),
    );
  });
});

describe('deduplication by mobile', () => {
  it('one code when subject and website responsible person share a mobile, however it is written', () => {
    const sameAsSubject = { ...LI, mobile: '+86 138-0013-8000' };
    const targets = computeSmsTargets('first_filing', data({ websites: [{ responsiblePerson: sameAsSubject }] }));
    expect(targets).toEqual([
      { roles: [S, W(0)], name: '张三', mobile: '13800138000', idType: 'resident_id', idLast6: '31002X' },
    ]);
  });

  it('merges website persons sharing a mobile and keeps the first person data', () => {
    const twin = { ...WANG, mobile: '１３７００１３７０００' };
    expect(
      who('add_website_subject_here', data({ websites: [{ responsiblePerson: LI }, { responsiblePerson: twin }] })),
    ).toEqual([{ name: '李四', roles: [W(0), W(1)] }]);
  });

  it('does not mutate the input', () => {
    const input = data();
    const copy = structuredClone(input);
    computeSmsTargets('first_filing', input);
    expect(input).toEqual(copy);
  });
});

describe('normalisation', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+8613800138000', '13800138000'],
    ['008613800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['+86 (138) 0013-8000', '13800138000'],
    ['１３８ ００１３ ８０００', '13800138000'],
    ['010-12345678', '01012345678'],
  ])('mobile %s → %s', (raw, normal) => {
    expect(normalizeMobile(raw)).toBe(normal);
  });

  it.each([
    ['11010519491231002x', '31002X'],
    ['110105 1949 1231 002X', '31002X'],
    ['１１０１０５１９４９１２３１００２ｘ', '31002X'],
    ['e12345678', '345678'],
    ['AB12', 'AB12'],
  ])('certificate %s → last 6 %s', (raw, last6) => {
    expect(idLast6(raw)).toBe(last6);
  });
});

describe('smsRequired', () => {
  const expected: Record<FilingType, boolean> = {
    first_filing: true,
    add_website_subject_here: true,
    add_website_subject_elsewhere: true,
    add_access_subject_here: true,
    add_access_subject_elsewhere: true,
    change_subject: true,
    change_website: true,
    change_access: true,
    change_images: false,
    cancel_subject: true,
    cancel_website: true,
    cancel_access: false,
  };
  it.each(FILING_TYPES)('%s', (type) => {
    expect(smsRequired(type)).toBe(expected[type]);
  });
  it('T6 needs SMS only when something is changed', () => {
    expect(smsRequired('change_subject', { subject: false, websites: false })).toBe(false);
    expect(smsRequired('change_subject', { subject: false, websites: true })).toBe(true);
  });
});
