import type { RejectionReason, Subject, Website } from '../../contracts/filing-data.ts';
import type { PersonIdType } from '../filing-data.ts';
import type { FilingType } from '../filing-type.ts';
import type { ProvinceCode } from '../province/provinces.ts';

/** Filing status of a domain in MIIT's national records. */
export type DomainFilingStatus =
  | { filed: false }
  | {
      filed: true;
      subjectNumber: string;
      websiteNumber: string;
      subjectName: string;
      province: ProvinceCode;
      /** Number of access providers currently serving the website (0 = shell website). */
      accessProviderCount: number;
    };

export type SubjectNumberStatus =
  | { found: false }
  | { found: true; subjectName: string; province: ProvinceCode; certificateType: string; active: boolean };

/** A person MIIT texts a code to (domain.md §6.1). The same mobile means one code. */
export type SmsTarget = {
  roles: Array<{ role: 'subject' | 'website'; websiteIndex?: number }>;
  name: string;
  mobile: string;
  idType: PersonIdType;
  /** Last 6 characters of the certificate number, which the person types on MIIT's page. */
  idLast6: string;
};

export type RegulatorSubmission = {
  /** One key per order submission (orderId:submissionNumber); resending the same key is a no-op. */
  idempotencyKey: string;
  orderId: string;
  type: FilingType;
  province: ProvinceCode;
  /** The existing subject number, for every type except first filings. */
  subjectNumber?: string;
  subject?: Subject;
  websites: Array<Website & { websiteNumber?: string }>;
  /** Website numbers the order cancels or removes access for (T11, T12), or all of them for T10. */
  targetWebsiteNumbers: string[];
  smsTargets: SmsTarget[];
};

export type RegulatorSmsPerson = {
  mobileMasked: string;
  roles: SmsTarget['roles'];
  state: 'code_sent' | 'verified' | 'failed' | 'expired';
  resendCount: number;
  wrongAttempts: number;
};

export type RegulatorOrderStatus =
  | { state: 'received' }
  | { state: 'rejected_at_intake'; reasons: RejectionReason[] }
  | { state: 'sms_pending'; deadlineAt: string; persons: RegulatorSmsPerson[] }
  | { state: 'returned'; cause: 'sms_timeout' | 'sms_failed'; reasons: RejectionReason[] }
  | { state: 'admin_review'; smsRequired: boolean }
  | { state: 'admin_rejected'; reasons: RejectionReason[] }
  | {
      state: 'approved';
      subjectNumber: string;
      websites: Array<{ domain: string; websiteNumber: string }>;
    }
  | { state: 'completed' };

/**
 * Everything that crosses to MIIT and the provincial administrations. The in-process simulator implements it
 * for tests and `npm start`; a real adapter would talk to the access-provider interface.
 */
export interface RegulatorGateway {
  /** Whether a domain already has a filing number, and under which subject. */
  lookupDomain(domain: string): Promise<DomainFilingStatus>;
  /** Whether a subject filing number exists (the "subject already filed" answer). */
  lookupSubjectNumber(subjectNumber: string): Promise<SubjectNumberStatus>;
  /** Hands an order to MIIT. Idempotent on `idempotencyKey`: a repeat returns the first result. */
  submit(submission: RegulatorSubmission): Promise<{ regulatorRef: string }>;
  /** Finds an earlier submission by its key; used when the outcome of a submit call is unknown. */
  findSubmission(idempotencyKey: string): Promise<{ regulatorRef: string } | null>;
  /** The current status of a submitted order. */
  getStatus(regulatorRef: string): Promise<RegulatorOrderStatus>;
}
