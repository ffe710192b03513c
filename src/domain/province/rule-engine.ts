import type { ChangeScope } from '../../contracts/filing-data.ts';
import type { SubjectType } from '../filing-data.ts';
import type { FilingType } from '../filing-type.ts';
import { getProvince, type ProvinceCode } from './provinces.ts';
import { BASELINE } from './rules/baseline.ts';
import { PROVINCE_RULES } from './rules/index.ts';
import type { FilingScope, ProvinceRulePack, RuleSet, SubjectScope } from './rules/types.ts';

export type { FilingScope, ProvinceRulePack, RuleSet, SubjectScope } from './rules/types.ts';

/** Lists add up (a province adds materials and checks to the national ones); every other field is replaced. */
const mergeRules = (base: RuleSet, own: Partial<RuleSet>): RuleSet => ({
  ...base,
  ...own,
  extraMaterials: [...base.extraMaterials, ...(own.extraMaterials ?? [])],
  reviewerChecks: [...base.reviewerChecks, ...(own.reviewerChecks ?? [])],
});

const packs = new Map<ProvinceCode, ProvinceRulePack>();

/** The effective rules of a province: the national baseline with the province module laid over it. */
export const rulePackFor = (code: ProvinceCode): ProvinceRulePack => {
  const cached = packs.get(code);
  if (cached) return cached;
  const module = PROVINCE_RULES[code];
  const pack: ProvinceRulePack = {
    ...mergeRules(BASELINE, module.rules),
    code,
    sources: module.sources,
    overridden: new Set(Object.keys(module.rules) as (keyof RuleSet)[]),
  };
  // Shared between callers: frozen so no caller can change another's rules.
  packs.set(code, Object.freeze(pack));
  return pack;
};

/**
 * Rule id for a finding or requirement driven by a pack field: named after the province when the province set
 * the field, 'national' otherwise, so a reader can find the rule's source in one step.
 */
export const ruleId = (pack: ProvinceRulePack, field: keyof RuleSet, rule: string): string =>
  `${pack.overridden.has(field) ? pack.code : 'national'}.${rule}`;

export const isIndividual = (subjectType: SubjectType): boolean => subjectType === 'individual';

export const subjectScopeApplies = (scope: SubjectScope, subjectType: SubjectType): boolean => {
  switch (scope) {
    case 'all':
      return true;
    case 'individual':
      return subjectType === 'individual';
    case 'unit':
      return subjectType !== 'individual';
    case 'enterprise':
      return subjectType === 'enterprise';
  }
};

const NEW_WEBSITE_TYPES: readonly FilingType[] = [
  'first_filing',
  'add_website_subject_here',
  'add_website_subject_elsewhere',
];
const ACCESS_TYPES: readonly FilingType[] = ['add_access_subject_here', 'add_access_subject_elsewhere'];
const SUBJECT_ELSEWHERE_TYPES: readonly FilingType[] = [
  'add_website_subject_elsewhere',
  'add_access_subject_elsewhere',
];

/** T1–T5: orders that bring websites to the subject or to this provider (count limits, new-site materials). */
export const addsWebsites = (type: FilingType): boolean =>
  NEW_WEBSITE_TYPES.includes(type) || ACCESS_TYPES.includes(type);

/** A T6 order without an explicit scope edits the subject only; it edits websites only when it says so. */
export const effectiveChangeScope = (changeScope: ChangeScope | undefined): ChangeScope =>
  changeScope ?? { subject: true, websites: false };

/** Does the order carry subject data for the administration? */
export const carriesSubjectData = (type: FilingType, changeScope?: ChangeScope): boolean =>
  type === 'first_filing' ||
  SUBJECT_ELSEWHERE_TYPES.includes(type) ||
  (type === 'change_subject' && effectiveChangeScope(changeScope).subject);

/** Does the order carry website data (and website responsible persons) for the administration? */
export const carriesWebsiteData = (type: FilingType, changeScope?: ChangeScope): boolean =>
  addsWebsites(type) ||
  type === 'change_website' ||
  (type === 'change_subject' && effectiveChangeScope(changeScope).websites);

export const filingScopeApplies = (scope: FilingScope, type: FilingType, changeScope?: ChangeScope): boolean => {
  switch (scope) {
    case 'new_websites':
      return NEW_WEBSITE_TYPES.includes(type);
    case 'new_or_access':
      return addsWebsites(type);
    case 'website_data':
      return carriesWebsiteData(type, changeScope);
    case 'subject_data':
      return carriesSubjectData(type, changeScope);
    case 'any_person':
      return carriesWebsiteData(type, changeScope) || carriesSubjectData(type, changeScope);
    case 'subject_filed_elsewhere':
      return SUBJECT_ELSEWHERE_TYPES.includes(type);
  }
};

/** Prefix a resident ID must start with to count as local (Shanghai narrows it to 310). */
export const localIdPrefix = (pack: ProvinceRulePack): string =>
  pack.localResidentIdPrefix ?? getProvince(pack.code).residentIdPrefix;

/**
 * Is this personal certificate a local resident ID of the pack's province? Only a mainland resident ID can be:
 * permits, passports and residence permits of other regions never make a person local.
 */
export const isLocalId = (pack: ProvinceRulePack, idType: string | undefined, idNumber: string | undefined): boolean =>
  idType === 'resident_id' && (idNumber ?? '').normalize('NFKC').trim().startsWith(localIdPrefix(pack));
