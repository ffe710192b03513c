import type { PreApprovalType, UnitCertificateType } from '../../filing-data.ts';
import type { MaterialKind } from '../../material-kind.ts';
import type { ProvinceCode } from '../provinces.ts';

/**
 * The typed vocabulary of per-province filing rules (domain.md §7). Every rule the pre-check and the
 * material list act on is a field here, never free text: free text cannot be tested or exhaustively switched on.
 * Rules the system cannot decide from form data become `reviewerChecks` so the provider reviewer sees them.
 */

export type Bilingual = { zhCN: string; enUS: string };

/** Which subjects a rule concerns. 'unit' means every non-individual subject type. */
export type SubjectScope = 'all' | 'unit' | 'individual' | 'enterprise';

/**
 * Which filing orders a rule concerns, so one rule list serves all twelve types:
 * - new_websites: the domain has no filing number yet (T1–T3);
 * - new_or_access: websites joining the subject or this provider (T1–T5);
 * - website_data: orders carrying website data for the 管局 (T1–T5, T7, T6 when it edits websites);
 * - subject_data: orders carrying subject data (T1, T3, T5, T6 when it edits the subject);
 * - any_person: orders carrying any responsible-person data (union of the two above);
 * - subject_filed_elsewhere: the subject already holds a number from another provider (T3, T5).
 */
export type FilingScope =
  | 'new_websites'
  | 'new_or_access'
  | 'website_data'
  | 'subject_data'
  | 'any_person'
  | 'subject_filed_elsewhere';

/** Must the unit's subject responsible person be its legal representative (法定代表人)? */
export type LegalPersonRule = 'recommended' | 'required' | 'required_or_subject_auth_letter';

/** Which personal IDs an individual subject may file with in this province. */
export type IndividualIdRule = 'any' | 'local_only' | 'local_or_residence_permit';

/** Whose mobiles must be local numbers (号段). The system cannot map a number to a province: reviewer check. */
export type LocalMobileRule = 'none' | 'all' | 'individual';

/**
 * What a filed individual subject may become through a subject change (T6):
 * allowed (no restriction), no_identity_change (not another person nor a unit, other edits fine),
 * only_to_own_unit (only a unit whose legal person is that individual), forbidden (no subject change at all).
 */
export type IndividualSubjectChangeRule = 'allowed' | 'no_identity_change' | 'only_to_own_unit' | 'forbidden';

/** Foreign nationals (passport of another country, foreign permanent-residence card) as filers. */
export type ForeignNationalRule = 'allowed' | 'forbidden_for_individuals' | 'forbidden';

/** When an extra material is needed. Conditions are evaluated by the material list, never by string matching. */
export type MaterialCondition =
  | { kind: 'always' }
  /** The subject already has filed websites (a later website of the subject). */
  | { kind: 'subject_already_filed' }
  /** The subject will hold more than `threshold` websites once this order is approved. */
  | { kind: 'subject_websites_over'; threshold: number }
  /** The subject will hold more than `threshold` domain prefixes once this order is approved. */
  | { kind: 'subject_domains_over'; threshold: number }
  /** No website of the order declares a pre-approval (of that type, when given): the "not involved" letters. */
  | { kind: 'no_pre_approval_declared'; preApproval?: PreApprovalType }
  /** The website declares a pre-approval (per website). */
  | { kind: 'pre_approval_declared' }
  /** The sponsor or a website name contains one of the words (e.g. finance wording in Shanghai). */
  | { kind: 'name_mentions'; words: readonly string[] };

export type ExtraMaterialRule = {
  /** Stable id used as the requirement's ruleId, `<province|national>.<rule>`. */
  id: string;
  material: MaterialKind;
  subjects: SubjectScope;
  on: FilingScope;
  /** One per website of the order (carries websiteIndex) rather than one per order. */
  perWebsite: boolean;
  when: MaterialCondition;
  /** Names the provincial template when it differs from the generic material label. */
  label?: Bilingual;
  reason: Bilingual;
};

/** A rule a human reviewer has to confirm: it depends on facts outside the form (live sites, DNS, calls). */
export type ReviewerCheck = {
  id: string;
  subjects: SubjectScope;
  on: FilingScope;
  message: Bilingual;
  fix: Bilingual;
};

export type RuleSet = {
  /** Certificate types an enterprise may file with (3-in-1 business licence family). */
  enterpriseCertificateTypes: readonly UnitCertificateType[];
  /** Pre-2015 organisation-code certificates: tolerated (warn) or refused ("latest 3-in-1 only"). */
  orgCodeCertificateAccepted: boolean;

  legalPersonAsSubjectResponsible: LegalPersonRule;
  /** Units: a website responsible person who is not the legal person needs the province's authorization letter. */
  websiteAuthLetterIfNotLegalPerson: boolean;
  /** Units: the website responsible person must not be the legal person (Tianjin). */
  websiteResponsibleMustNotBeLegalPerson: boolean;
  /** Units: if the subject responsible person is not the legal person, every website responsible person is them. */
  websiteResponsibleMustEqualSubjectResponsibleIfNotLegalPerson: boolean;
  /** A website responsible person may not appear under different subjects (Chongqing). */
  websiteResponsibleUniqueAcrossSubjects: boolean;

  individualId: IndividualIdRule;
  /** Prefix of a "local" resident ID when narrower than the province code (Shanghai: 310); null = province code. */
  localResidentIdPrefix: string | null;
  /** Individuals: the address on the certificate must be in the province (Jiangxi). */
  individualCertificateAddressMustBeLocal: boolean;
  /** Units: any responsible person without a local ID gives a local residence permit (Jiangxi). */
  unitResponsibleNonLocalNeedsResidenceProof: boolean;
  foreignNationals: ForeignNationalRule;
  /** Minimum age of responsible persons by subject kind; absent = no provincial age rule. */
  minAge: { unit?: number; individual?: number };
  /** Under-18 website responsible persons are accepted with an employment certificate instead of refused. */
  under18NeedsEmploymentCert: { unit: boolean; individual: boolean };

  localMobileRequired: LocalMobileRule;
  /** Emergency phone must differ from the person's mobile (block); elsewhere a warning. */
  emergencyPhoneMustDiffer: boolean;
  /** Emergency phone belongs to a third person / relative, named in the remarks (Tianjin). */
  emergencyPhoneMustBeThirdParty: boolean;
  /** Office phone must be given (and must reach the person: reviewer check) (Fujian). */
  officePhoneRequired: boolean;

  websitesPerSubmission: number;
  maxWebsitesPerSubject: { unit?: number; individual?: number };
  uniqueWebsiteNamesWithinSubject: boolean;
  /** Unit website name = full name or abbreviation of the sponsor (Heilongjiang). */
  unitWebsiteNameMustMatchSponsor: boolean;

  individualSubjectChange: IndividualSubjectChangeRule;
  /** Unit subject changes of registered data need the market-regulation change certificate. */
  unitSubjectChangeNeedsChangeCert: boolean;

  /** Provincial commitment-letter template replacing the national one; null = national template. */
  commitmentTemplate: Bilingual | null;
  extraMaterials: readonly ExtraMaterialRule[];
  reviewerChecks: readonly ReviewerCheck[];
};

/** One province module: only what differs from the national baseline, plus where it comes from. */
export type ProvinceRules = {
  code: ProvinceCode;
  /** Spec sections and source documents the rules restate. */
  sources: readonly string[];
  rules: Partial<RuleSet>;
};

/** The effective rules of one province: baseline merged with the province module. */
export type ProvinceRulePack = RuleSet & {
  code: ProvinceCode;
  sources: readonly string[];
  /** Fields the province set itself; rule ids name the province for these and 'national' otherwise. */
  overridden: ReadonlySet<keyof RuleSet>;
};
