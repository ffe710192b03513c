import type { ColumnType, Generated, Kysely, Selectable } from 'kysely';
import type { RejectionReason } from '../../contracts/filing-data.ts';
import type { SmsTarget } from '../../domain/ports/regulator-gateway.ts';

/**
 * Row types of the simulator's own tables (all prefixed `sim_`). The simulator plays MIIT and the provincial
 * administrations, so it keeps its own national records and never reads the platform's tables: it is meant to
 * become a separate service with its own database.
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export const SIM_ORDER_STATES = [
  'rejected_at_intake',
  'sms_pending',
  'returned',
  'admin_review',
  'admin_rejected',
  'approved',
  'completed',
] as const;
export type SimOrderState = (typeof SIM_ORDER_STATES)[number];

export const REAL_NAME_STATUSES = ['verified', 'not_verified', 'verified_not_reported'] as const;
export type RealNameStatus = (typeof REAL_NAME_STATUSES)[number];

export const REVIEW_MODES = ['manual', 'auto_approve', 'auto_reject'] as const;
export type ReviewMode = (typeof REVIEW_MODES)[number];

export const SMS_STATES = ['code_sent', 'verified', 'failed', 'expired'] as const;
export type SmsState = (typeof SMS_STATES)[number];

export type SimSubjectTable = {
  id: Generated<number>;
  number: string;
  province: string;
  name: string;
  subject_type: string;
  certificate_type: string;
  certificate_number: string;
  /** The subject responsible person as filed; the registrant check of later add-website orders needs it. */
  responsible_name: string;
  responsible_id_type: string;
  responsible_id_number: string;
  status: 'active' | 'cancelled';
  /** Next `-N` suffix to hand out; only ever grows, so cancelled website numbers are never reused. */
  next_website_index: number;
  approved_at: Timestamp;
  updated_at: Timestamp;
};

export type SimWebsiteTable = {
  id: Generated<number>;
  subject_id: number;
  number: string;
  website_index: number;
  domain: string;
  name: string;
  responsible_name: string;
  status: 'active' | 'cancelled';
  /** Providers currently serving the website; 0 means a shell website (空壳网站) that keeps its number. */
  access_provider_count: number;
  approved_at: Timestamp;
  updated_at: Timestamp;
};

export type SimDomainTable = {
  domain: string;
  tld: string;
  registrar: string;
  registrar_approved: boolean;
  tld_approved: boolean;
  expires_at: Timestamp;
  real_name_status: RealNameStatus;
  /** When the registrant finished real-name verification at the registrar. */
  real_name_verified_at: Timestamp | null;
  /** When the registrar's real-name data reached MIIT (报备入库); null while not reported. */
  real_name_reported_at: Timestamp | null;
  registrant_name: string;
  registrant_certificate_type: string;
  registrant_certificate_number: string;
  updated_at: Timestamp;
};

export type ApprovedResult = { subjectNumber: string; websites: Array<{ domain: string; websiteNumber: string }> };

export type SimOrderTable = {
  ref: string;
  idempotency_key: string;
  order_id: string;
  type: string;
  province: string;
  subject_number: string | null;
  /** The submission as received (RegulatorSubmission). */
  payload: Json<unknown>;
  state: SimOrderState;
  cause: 'sms_timeout' | 'sms_failed' | null;
  reasons: Json<RejectionReason[]>;
  result: Json<ApprovedResult> | null;
  sms_required: boolean;
  sms_deadline_at: Timestamp | null;
  review_started_at: Timestamp | null;
  received_at: Timestamp;
  updated_at: Timestamp;
  decided_at: Timestamp | null;
};

export type SimSmsVerificationTable = {
  id: Generated<number>;
  order_ref: string;
  mobile: string;
  name: string;
  roles: Json<SmsTarget['roles']>;
  id_type: string;
  id_last6: string;
  /** HMAC-SHA256 of the code under the simulator secret; the code itself only exists in the outbox text. */
  code_hmac: string;
  state: SmsState;
  resend_count: number;
  wrong_attempts: number;
  sent_at: Timestamp;
  verified_at: Timestamp | null;
  updated_at: Timestamp;
};

export type SimSmsOutboxTable = {
  id: Generated<number>;
  order_ref: string;
  mobile: string;
  text: string;
  sent_at: Timestamp;
};

export type SimSerialCounterTable = { province: string; year: number; next_serial: number };

export type SimReviewPolicyTable = {
  province: string;
  mode: ReviewMode;
  delay_seconds: number;
  updated_at: Timestamp;
};

export type SimClockTable = { id: number; offset_ms: ColumnType<number, number, number>; updated_at: Timestamp };

export const CALLBACK_STATUSES = ['pending', 'delivered', 'dropped', 'failed'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];

/** One signed callback to the provider (service mode only); `dropped` = lost on purpose by a test hook. */
export type SimCallbackOutboxTable = {
  id: Generated<number>;
  event_id: string;
  order_ref: string;
  order_id: string;
  state: string;
  occurred_at: Timestamp;
  url: string;
  status: CallbackStatus;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  delivered_at: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
};

export type SimSettingTable = { key: string; value: string; updated_at: Timestamp };

export type SimDatabase = {
  sim_subject: SimSubjectTable;
  sim_website: SimWebsiteTable;
  sim_domain: SimDomainTable;
  sim_order: SimOrderTable;
  sim_sms_verification: SimSmsVerificationTable;
  sim_sms_outbox: SimSmsOutboxTable;
  sim_serial_counter: SimSerialCounterTable;
  sim_review_policy: SimReviewPolicyTable;
  sim_clock: SimClockTable;
  sim_callback_outbox: SimCallbackOutboxTable;
  sim_setting: SimSettingTable;
};

export type SimDb = Kysely<SimDatabase>;
export type SimSubjectRow = Selectable<SimSubjectTable>;
export type SimWebsiteRow = Selectable<SimWebsiteTable>;
export type SimDomainRow = Selectable<SimDomainTable>;
export type SimOrderRow = Selectable<SimOrderTable>;
export type SimSmsRow = Selectable<SimSmsVerificationTable>;
