import { DomainError, type ErrorCode } from './errors.ts';
import type { FilingType } from './filing-type.ts';
import type { DomainFilingStatus, SubjectNumberStatus } from './ports/regulator-gateway.ts';

/**
 * Decides the filing type at the one entry point (domain.md §2.1 decision table, S2: "备案类型会由系统自动判断，
 * 无论什么备案类型，流程入口都是唯一的"). Pure: the caller has already looked up the domain and, when one was given,
 * the subject number at the regulator. Only the five "new website / new access" types come out of here; changes
 * and cancellations start from a filed record instead.
 */
export type DeterminationInput = {
  /** The account already has an active subject on this platform (View B). */
  accountHasSubjectHere: boolean;
  /** That subject's filing number; needed to check ownership of an already filed domain. */
  subjectHereNumber?: string;
  /** View A checkbox "主体信息已经备案" (subject filed at another provider)… */
  subjectAlreadyFiled: boolean;
  /** …and the subject number typed next to it. */
  subjectFilingNumber?: string;
  /** Regulator lookup of subjectFilingNumber; required when the box is ticked. */
  subjectNumberStatus?: SubjectNumberStatus;
  /**
   * Optional View B expectation (新增网站 or 新增接入网站). The system decides without it; when a client still
   * sends one that contradicts MIIT's record of the domain, the contradiction is reported instead of ignored.
   */
  intent?: 'add_website' | 'add_access';
  /** The normalised domain the order is for (named in the reason). */
  domain: string;
  /** Regulator lookup of the domain. */
  domainStatus: DomainFilingStatus;
  /** The domain already has an active website record on this platform. */
  domainHostedHere: boolean;
};

/** Why the system chose the type: one code per row of the §2.1 decision table, in words the applicant reads. */
export const TYPE_REASON_CODES = [
  'NO_SUBJECT_DOMAIN_NOT_FILED',
  'SUBJECT_HERE_DOMAIN_NOT_FILED',
  'SUBJECT_ELSEWHERE_DOMAIN_NOT_FILED',
  'SUBJECT_HERE_DOMAIN_FILED',
  'SUBJECT_ELSEWHERE_DOMAIN_FILED',
] as const;
export type TypeReasonCode = (typeof TYPE_REASON_CODES)[number];

export type TypeReason = { code: TypeReasonCode; message: { zhCN: string; enUS: string } };

export type DeterminationResult = { type: FilingType; reason: TypeReason };

type ReasonFacts = { domain: string; subjectNumber?: string; websiteNumber?: string };

const REASON_TEXT: Record<TypeReasonCode, (f: ReasonFacts) => { zhCN: string; enUS: string }> = {
  NO_SUBJECT_DOMAIN_NOT_FILED: (f) => ({
    zhCN: `本账号在本平台没有备案主体，主体也未在其他接入商备案，域名 ${f.domain} 在工信部没有备案号：首次备案`,
    enUS: `No subject is filed here or elsewhere and ${f.domain} has no MIIT filing number: first filing`,
  }),
  SUBJECT_HERE_DOMAIN_NOT_FILED: (f) => ({
    zhCN: `本账号的主体（${f.subjectNumber}）已在本平台备案，域名 ${f.domain} 在工信部没有备案号：在该主体下新增网站`,
    enUS: `Your subject (${f.subjectNumber}) is filed here and ${f.domain} has no MIIT filing number: a new website under it`,
  }),
  SUBJECT_ELSEWHERE_DOMAIN_NOT_FILED: (f) => ({
    zhCN: `主体已在其他接入商备案（${f.subjectNumber}），域名 ${f.domain} 在工信部没有备案号：在该主体下新增网站`,
    enUS: `The subject is filed at another provider (${f.subjectNumber}) and ${f.domain} has no MIIT filing number: a new website under it`,
  }),
  SUBJECT_HERE_DOMAIN_FILED: (f) => ({
    zhCN: `本账号的主体（${f.subjectNumber}）已在本平台备案，域名 ${f.domain} 已在该主体下备案（${f.websiteNumber}）：新增接入，由本平台接入该网站`,
    enUS: `Your subject (${f.subjectNumber}) is filed here and ${f.domain} is already filed under it (${f.websiteNumber}): add access, this platform serves it`,
  }),
  SUBJECT_ELSEWHERE_DOMAIN_FILED: (f) => ({
    zhCN: `主体（${f.subjectNumber}）和域名 ${f.domain}（${f.websiteNumber}）都已在其他接入商备案：新增接入，由本平台接入该网站`,
    enUS: `The subject (${f.subjectNumber}) and ${f.domain} (${f.websiteNumber}) are filed at another provider: add access, this platform serves it`,
  }),
};

const decided = (type: FilingType, code: TypeReasonCode, facts: ReasonFacts): DeterminationResult => ({
  type,
  reason: { code, message: REASON_TEXT[code](facts) },
});

/**
 * Subject numbers are typed by people and returned by the regulator; compare them without width, case or
 * spacing differences (京ICP备 04000001 号 = 京ICP备04000001号).
 */
export const normalizeSubjectNumber = (n: string): string => n.normalize('NFKC').replace(/\s/g, '').toUpperCase();

const sameSubject = (a: string, b: string): boolean => normalizeSubjectNumber(a) === normalizeSubjectNumber(b);

// A declaration (not an arrow) so the compiler treats a call as the end of the branch.
function fail(code: ErrorCode, details: Record<string, unknown> = {}): never {
  throw new DomainError(code, { details });
}

/**
 * A filed domain must belong to the subject the order is for; otherwise the current owner has to cancel it or
 * remove access first (§2.1 last row, §10 question 15). Once ownership is settled, a domain already served here
 * cannot be added again: changes to it are View B change orders.
 */
const checkFiledDomain = (
  domain: Extract<DomainFilingStatus, { filed: true }>,
  ownNumber: string,
  hostedHere: boolean,
): void => {
  if (!sameSubject(domain.subjectNumber, ownNumber)) fail('TYPE_DOMAIN_OWNED_BY_OTHER_SUBJECT');
  if (hostedHere) fail('TYPE_DOMAIN_ALREADY_HERE');
};

/**
 * View B: the account's subject is here, so MIIT's record of the domain decides: not filed → 新增网站, filed under
 * this subject → 新增接入 (access moves to this platform). The applicant no longer has to pick; a pick that
 * contradicts the record is refused, because acting on it would make the filing fail at the administration.
 */
const determineViewB = (input: DeterminationInput): DeterminationResult => {
  const { intent, domainStatus } = input;
  if (!input.subjectHereNumber) {
    return fail('INTERNAL', { problem: 'subjectHereNumber is required when the account has a subject here' });
  }
  const facts = { domain: input.domain, subjectNumber: input.subjectHereNumber };
  if (domainStatus.filed) {
    checkFiledDomain(domainStatus, input.subjectHereNumber, input.domainHostedHere);
    if (intent === 'add_website') fail('TYPE_DOMAIN_ALREADY_FILED');
    return decided('add_access_subject_here', 'SUBJECT_HERE_DOMAIN_FILED', {
      ...facts,
      websiteNumber: domainStatus.websiteNumber,
    });
  }
  // An active record here without a regulator filing means the lookup lags; never file the domain twice.
  if (input.domainHostedHere) fail('TYPE_DOMAIN_ALREADY_HERE');
  if (intent === 'add_access') fail('TYPE_DOMAIN_NOT_FILED');
  return decided('add_website_subject_here', 'SUBJECT_HERE_DOMAIN_NOT_FILED', facts);
};

/** View A: no subject here yet; the checkbox and the domain's status decide between T1, T3 and T5. */
const determineViewA = (input: DeterminationInput): DeterminationResult => {
  const { domainStatus } = input;
  // 新增网站/新增接入网站 only exist in View B; getting one here means the client's view is stale.
  if (input.intent) fail('TYPE_NO_SUBJECT_HERE');

  if (!input.subjectAlreadyFiled) {
    // A filed domain implies a filed subject: the user forgot the checkbox (§2.1 inconsistent row).
    if (domainStatus.filed) fail('TYPE_SUBJECT_NUMBER_REQUIRED', { domainSubjectFiled: true });
    if (input.domainHostedHere) fail('TYPE_DOMAIN_ALREADY_HERE');
    return decided('first_filing', 'NO_SUBJECT_DOMAIN_NOT_FILED', { domain: input.domain });
  }

  const number = input.subjectFilingNumber?.trim();
  if (!number) return fail('VALIDATION_FAILED', { field: 'subjectFilingNumber', problem: 'required' });
  const status = input.subjectNumberStatus;
  if (!status) return fail('INTERNAL', { problem: 'subjectNumberStatus is required when the subject is ticked' });
  // A cancelled number is as useless as an unknown one: the subject would have to file from scratch.
  if (!status.found || !status.active) fail('TYPE_SUBJECT_NUMBER_UNKNOWN');

  if (domainStatus.filed) {
    checkFiledDomain(domainStatus, number, input.domainHostedHere);
    return decided('add_access_subject_elsewhere', 'SUBJECT_ELSEWHERE_DOMAIN_FILED', {
      domain: input.domain,
      subjectNumber: number,
      websiteNumber: domainStatus.websiteNumber,
    });
  }
  if (input.domainHostedHere) fail('TYPE_DOMAIN_ALREADY_HERE');
  return decided('add_website_subject_elsewhere', 'SUBJECT_ELSEWHERE_DOMAIN_NOT_FILED', {
    domain: input.domain,
    subjectNumber: number,
  });
};

export const determineFilingType = (input: DeterminationInput): DeterminationResult =>
  input.accountHasSubjectHere ? determineViewB(input) : determineViewA(input);
