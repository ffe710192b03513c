import { describe, expect, it } from 'vitest';
import { precheck } from './precheck.ts';
import { edit, individualDraft, NOW, person, unitDraft, unitSubject, website } from './testing/builders.ts';
import type { PrecheckInput } from './types.ts';

const WEBSITE_ID = '0b6c1d3e-8f2a-4c5b-9d7e-1a2b3c4d5e6f';

const completeness = (input: PrecheckInput) =>
  precheck(input)
    .findings.filter((f) => f.ruleId.startsWith('completeness.'))
    .map((f) => `${f.ruleId}@${f.field}`)
    .sort();

const empty = (type: PrecheckInput['type'], existing = true): PrecheckInput => ({
  type,
  data: { websites: [] },
  now: NOW,
  verificationStage: 'before_submit',
  existing: existing ? { subject: unitSubject('anhui'), websiteNames: ['示例科技'], websiteCount: 1 } : undefined,
  materials: [],
});

describe('completeness per filing type', () => {
  it.each(['first_filing', 'add_website_subject_elsewhere', 'add_access_subject_elsewhere'] as const)(
    '%s needs the subject and at least one website',
    (type) => {
      expect(completeness(empty(type, false))).toEqual([
        'completeness.subject@subject',
        'completeness.websites@websites',
      ]);
      expect(completeness(unitDraft('anhui', type))).toEqual([]);
    },
  );

  it.each(['add_website_subject_here', 'add_access_subject_here'] as const)('%s needs websites only', (type) => {
    expect(completeness(empty(type))).toEqual(['completeness.websites@websites']);
    expect(completeness(unitDraft('anhui', type))).toEqual([]);
  });

  it('T2 without a filed subject cannot be judged', () => {
    expect(completeness(empty('add_website_subject_here', false))).toContain('completeness.subject_context@subject');
  });

  it('names every missing field of the subject and the persons', () => {
    const draft = edit(unitDraft('anhui'), (d) => {
      delete d.data.subject!.mailingAddress;
      delete d.data.subject!.investorOrSupervisor;
      delete d.data.websites[0]!.responsiblePerson!.emergencyPhone;
      d.data.websites[0]!.languages = [];
    });
    expect(completeness(draft)).toEqual([
      'completeness.required@subject.investorOrSupervisor',
      'completeness.required@subject.mailingAddress',
      'completeness.required@websites.0.languages',
      'completeness.required@websites.0.responsiblePerson.emergencyPhone',
    ]);
  });

  it('asks no investor or supervisor of an individual', () => {
    expect(completeness(individualDraft('anhui'))).toEqual([]);
  });

  it('T6 needs the subject; websites only when the change covers them', () => {
    expect(
      completeness({
        ...empty('change_subject'),
        data: { websites: [], changeScope: { subject: true, websites: false } },
      }),
    ).toEqual(['completeness.subject@subject']);
    const withWebsites = {
      ...empty('change_subject'),
      data: {
        subject: unitSubject('anhui'),
        websites: [website(person('anhui', 1))],
        changeScope: { subject: true, websites: true },
      },
    };
    expect(completeness(withWebsites)).toEqual(['completeness.required@websites.0.websiteId']);
  });

  it('T7 needs edited websites carrying their id', () => {
    expect(completeness(empty('change_website'))).toEqual(['completeness.websites@websites']);
    const draft = edit(unitDraft('anhui', 'change_website'), (d) => {
      d.data.websites[0]!.websiteId = WEBSITE_ID;
    });
    expect(completeness(draft)).toEqual([]);
    expect(completeness(unitDraft('anhui', 'change_website'))).toEqual(['completeness.required@websites.0.websiteId']);
  });

  it('T8 needs only the website id, IPs and authorization code', () => {
    const ok = {
      ...empty('change_access'),
      data: { websites: [{ websiteId: WEBSITE_ID, ipAddresses: ['1.2.3.4'], authorizationCode: 'AUTH-1' }] },
    };
    expect(completeness(ok)).toEqual([]);
    const noIp = {
      ...empty('change_access'),
      data: { websites: [{ websiteId: WEBSITE_ID, ipAddresses: [], authorizationCode: 'AUTH-1' }] },
    };
    expect(completeness(noIp)).toEqual(['completeness.required@websites.0.ipAddresses']);
  });

  it('T9 needs only the replacement images', () => {
    expect(completeness(empty('change_images'))).toEqual(['completeness.materials@materials']);
    expect(
      completeness({ ...empty('change_images'), materials: [{ kind: 'subject_cert', validUntil: 'long_term' }] }),
    ).toEqual([]);
  });

  it.each(['cancel_subject', 'cancel_website', 'cancel_access'] as const)('%s needs no form data at all', (type) => {
    const result = precheck(empty(type, false));
    expect(result.findings).toEqual([]);
    expect(result.requiredMaterials).toEqual([]);
    expect(result.blocking).toBe(0);
  });
});
