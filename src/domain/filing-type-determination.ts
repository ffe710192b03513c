import { DomainError, type ErrorCode } from './errors.ts';
import type { FilingType } from './filing-type.ts';
import type { DomainFilingStatus, SubjectNumberStatus } from './ports/regulator-gateway.ts';

/**
 * Decides the filing type at the validation step (domain.md §2.1 decision table, S2). Pure: the caller has
 * already looked up the domain and, when one was given, the subject number at the regulator. Only the five
 * "new website / new access" types come out of here; changes and cancellations are chosen explicitly in View B.
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
  /** View B choice: 新增网站 or 新增接入网站. */
  intent?: 'add_website' | 'add_access';
  /** Regulator lookup of the domain. */
  domainStatus: DomainFilingStatus;
  /** The domain already has an active website record on this platform. */
  domainHostedHere: boolean;
};

export type DeterminationResult = { type: FilingType };

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

/** View B: the account's subject is here and the user picked 新增网站 or 新增接入网站; a wrong pick is refused. */
const determineViewB = (input: DeterminationInput): DeterminationResult => {
  const { intent, domainStatus } = input;
  // Without a pick the user came through View A's "start filing", which one subject per account forbids.
  if (!intent) return fail('TYPE_SUBJECT_ALREADY_HERE');
  if (domainStatus.filed) {
    if (!input.subjectHereNumber) {
      return fail('INTERNAL', { problem: 'subjectHereNumber is required when the account has a subject here' });
    }
    checkFiledDomain(domainStatus, input.subjectHereNumber, input.domainHostedHere);
    if (intent === 'add_website') fail('TYPE_DOMAIN_ALREADY_FILED');
    return { type: 'add_access_subject_here' };
  }
  // An active record here without a regulator filing means the lookup lags; never file the domain twice.
  if (input.domainHostedHere) fail('TYPE_DOMAIN_ALREADY_HERE');
  if (intent === 'add_access') fail('TYPE_DOMAIN_NOT_FILED');
  return { type: 'add_website_subject_here' };
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
    return { type: 'first_filing' };
  }

  const number = input.subjectFilingNumber?.trim();
  if (!number) return fail('VALIDATION_FAILED', { field: 'subjectFilingNumber', problem: 'required' });
  const status = input.subjectNumberStatus;
  if (!status) return fail('INTERNAL', { problem: 'subjectNumberStatus is required when the subject is ticked' });
  // A cancelled number is as useless as an unknown one: the subject would have to file from scratch.
  if (!status.found || !status.active) fail('TYPE_SUBJECT_NUMBER_UNKNOWN');

  if (domainStatus.filed) {
    checkFiledDomain(domainStatus, number, input.domainHostedHere);
    return { type: 'add_access_subject_elsewhere' };
  }
  if (input.domainHostedHere) fail('TYPE_DOMAIN_ALREADY_HERE');
  return { type: 'add_website_subject_elsewhere' };
};

export const determineFilingType = (input: DeterminationInput): DeterminationResult =>
  input.accountHasSubjectHere ? determineViewB(input) : determineViewA(input);
