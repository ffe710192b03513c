import { describe, expect, it } from 'vitest';
import { FILING_TYPES, type FilingType } from '../filing-type.ts';
import { MATERIAL_KINDS } from '../material-kind.ts';
import provinceJson from './province-rules.json' with { type: 'json' };
import { PROVINCE_CODES } from './provinces.ts';
import {
  carriesSubjectData,
  carriesWebsiteData,
  filingScopeApplies,
  isLocalId,
  ruleId,
  rulePackFor,
} from './rule-engine.ts';
import { BASELINE } from './rules/baseline.ts';
import { PROVINCE_RULES } from './rules/index.ts';

describe('rulePackFor', () => {
  it('has a module for every one of the 31 provinces', () => {
    expect(Object.keys(PROVINCE_RULES).sort()).toEqual([...PROVINCE_CODES].sort());
    expect(PROVINCE_CODES).toHaveLength(31);
  });

  it('gives Tibet exactly the national baseline', () => {
    const { code, sources, overridden, ...rules } = rulePackFor('xizang');
    expect(rules).toEqual(BASELINE);
    expect(overridden.size).toBe(0);
    expect(code).toBe('xizang');
  });

  it('lays province fields over the baseline and keeps untouched baseline fields', () => {
    const henan = rulePackFor('henan');
    expect(henan.websitesPerSubmission).toBe(1);
    expect(henan.enterpriseCertificateTypes).toEqual(BASELINE.enterpriseCertificateTypes);
    expect(rulePackFor('anhui').websitesPerSubmission).toBe(3);
  });

  it('adds provincial materials and checks to the national ones instead of replacing them', () => {
    const hunan = rulePackFor('hunan');
    const ids = hunan.extraMaterials.map((m) => m.id);
    expect(ids).toEqual(
      expect.arrayContaining(['national.social_insurance_over_5_websites', 'hunan.site_plan_subject_already_filed']),
    );
    expect(hunan.reviewerChecks.map((c) => c.id)).toContain('national.domain_registrant_matches_subject');
  });

  it('names rule ids after the province only where the province set the rule', () => {
    expect(ruleId(rulePackFor('henan'), 'websitesPerSubmission', 'x')).toBe('henan.x');
    expect(ruleId(rulePackFor('anhui'), 'websitesPerSubmission', 'x')).toBe('national.x');
  });

  it.each(PROVINCE_CODES)('%s: material kinds and rule ids are well formed', (code) => {
    const pack = rulePackFor(code);
    for (const rule of pack.extraMaterials) {
      expect(MATERIAL_KINDS).toContain(rule.material);
      expect(rule.id).toMatch(new RegExp(`^(national|${code})\\.[a-z0-9_]+$`));
    }
    for (const check of pack.reviewerChecks) expect(check.id).toMatch(new RegExp(`^(national|${code})\\.[a-z0-9_]+$`));
  });
});

/** Cross-check against the spec's derived flags, so a typo in a module shows up against the source data. */
describe('agreement with province-rules.json flags', () => {
  type Flags = Record<string, unknown>;
  const flags = new Map(provinceJson.map((p) => [p.code, p.flags as Flags]));

  it.each(PROVINCE_CODES)('%s', (code) => {
    const f = flags.get(code) ?? {};
    const pack = rulePackFor(code);
    if (f.unitSubjectResponsibleMustBeLegalPerson === true)
      expect(pack.legalPersonAsSubjectResponsible).toBe('required');
    if (
      typeof f.unitSubjectResponsibleMustBeLegalPerson === 'string' &&
      f.unitSubjectResponsibleMustBeLegalPerson.includes('authorization')
    ) {
      expect(pack.legalPersonAsSubjectResponsible).toBe('required_or_subject_auth_letter');
    }
    if (f.oneWebsitePerApplication === true) expect(pack.websitesPerSubmission).toBe(1);
    if (f.localMobileRequired === true) expect(pack.localMobileRequired).toBe('all');
    if (f.emergencyPhoneMustDiffer === true) expect(pack.emergencyPhoneMustDiffer).toBe(true);
    if (typeof f.individualIdRequirement === 'string' && f.individualIdRequirement.startsWith('local-id-only')) {
      expect(pack.individualId).toBe('local_only');
    }
    if (typeof f.individualIdRequirement === 'string' && /residence|register/.test(f.individualIdRequirement)) {
      expect(pack.individualId).toBe('local_or_residence_permit');
    }
    if (f.minAge === 18) expect(pack.minAge).toEqual({ unit: 18, individual: 18 });
    if (f.individualSubjectChangeAllowed === false)
      expect(['no_identity_change', 'forbidden']).toContain(pack.individualSubjectChange);
  });
});

describe('filing scopes', () => {
  const types = (predicate: (t: FilingType) => boolean) => FILING_TYPES.filter(predicate);

  it('subject data travels with T1, T3, T5 and subject changes', () => {
    expect(types((t) => carriesSubjectData(t))).toEqual([
      'first_filing',
      'add_website_subject_elsewhere',
      'add_access_subject_elsewhere',
      'change_subject',
    ]);
    expect(carriesSubjectData('change_subject', { subject: false, websites: true })).toBe(false);
  });

  it('website data travels with T1–T5, website changes, and subject changes that edit websites', () => {
    expect(types((t) => carriesWebsiteData(t))).toEqual([
      'first_filing',
      'add_website_subject_here',
      'add_website_subject_elsewhere',
      'add_access_subject_here',
      'add_access_subject_elsewhere',
      'change_website',
    ]);
    expect(carriesWebsiteData('change_subject', { subject: true, websites: true })).toBe(true);
  });

  it('new-website scope excludes access filings', () => {
    expect(types((t) => filingScopeApplies('new_websites', t))).toEqual([
      'first_filing',
      'add_website_subject_here',
      'add_website_subject_elsewhere',
    ]);
  });
});

describe('isLocalId', () => {
  it('uses the province prefix, or the narrower Shanghai 310', () => {
    expect(isLocalId(rulePackFor('guangdong'), 'resident_id', '440102199001011234')).toBe(true);
    expect(isLocalId(rulePackFor('guangdong'), 'resident_id', '110102199001011234')).toBe(false);
    expect(isLocalId(rulePackFor('shanghai'), 'resident_id', '310101199001011234')).toBe(true);
    expect(isLocalId(rulePackFor('shanghai'), 'resident_id', '312345199001011234')).toBe(false);
  });

  it('never counts permits or passports as local', () => {
    expect(isLocalId(rulePackFor('guangdong'), 'residence_permit', '810000199001011234')).toBe(false);
    expect(isLocalId(rulePackFor('guangdong'), 'passport', '44X1234567')).toBe(false);
  });
});
