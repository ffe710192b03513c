import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Timestamps come back from pg as Date; we write Date too. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export type UserTable = {
  id: string;
  email: string;
  password_hash: string;
  role: 'applicant' | 'sub_account' | 'reviewer' | 'senior_reviewer' | 'admin';
  /** Owner account of a sub-account. */
  parent_user_id: string | null;
  display_name: string;
  real_name_verified: boolean;
  disabled: boolean;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  created_at: Timestamp;
};

/** Failed logins per typed e-mail (blind index), for known and unknown addresses alike. */
export type LoginThrottleTable = {
  email_bidx: string;
  failed_logins: number;
  locked_until: Timestamp | null;
  updated_at: Timestamp;
};

export type SessionTable = {
  /** SHA-256 of the session id; the id itself only lives in the cookie. */
  id_hash: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  /** When the session passed the staff second factor (null: not yet, or not needed). */
  second_factor_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** The identity provider's issuer when the session began there (RP-initiated logout); null for a password. */
  signed_in_with: ColumnType<string | null, string | null | undefined, string | null>;
};

/** An account at an identity provider (OIDC issuer, or `wechat` with the unionid) linked to one user. */
export type ExternalIdentityTable = {
  issuer: string;
  subject: string;
  user_id: string;
  created_at: Timestamp;
  last_login_at: Timestamp;
};

/** A started provider sign-in, consumed (deleted) by its callback; see migration 0015. */
export type SignInAttemptTable = {
  state_hash: string;
  method: 'oidc' | 'wechat';
  browser_hash: string;
  nonce: string | null;
  code_verifier: string | null;
  return_to: string;
  created_at: Timestamp;
  expires_at: Timestamp;
};

/** A staff member's TOTP authenticator; enrolled_at stays null until the first code confirms it. */
export type StaffTotpTable = {
  user_id: string;
  /** PI-cipher token of the base32 secret. */
  secret_enc: string;
  enrolled_at: Timestamp | null;
  /** The last 30-second step a code was accepted for; a code of that step or earlier is refused. */
  last_used_step: number | null;
  failed_attempts: Generated<number>;
  locked_until: Timestamp | null;
  updated_at: Timestamp;
};

/** Single-use recovery codes, stored as keyed hashes (blind index) only. */
export type StaffRecoveryCodeTable = {
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
};

export type ResourceTable = {
  id: string;
  account_id: string;
  kind: 'server' | 'site_builder';
  name: string;
  region: string;
  public_ips: Json<string[]>;
  billing_type: 'prepaid' | 'pay_as_you_go';
  expires_at: Timestamp;
  created_at: Timestamp;
  /** Migration 0016: a released (释放) server no longer serves anything. */
  status: ColumnType<'running' | 'released', 'running' | 'released' | undefined, 'running' | 'released'>;
  released_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
};

/** Migration 0016: the seeded real-name registry (实名认证), one row per account. */
export type RealNameIdentityTable = {
  account_id: string;
  kind: 'individual' | 'unit';
  /** {name, idType?, idNumber?, uscc?} encrypted with the PI key. */
  identity_enc: string;
  name_bidx: string;
  number_bidx: string;
  verified_at: Timestamp;
  recorded_by: string | null;
  updated_at: Timestamp;
};

/** Migration 0016: when the at-risk sweep next looks at a filed website's access resource. */
export type WebsiteAccessCheckTable = {
  website_id: string;
  next_check_at: Timestamp;
  checked_at: Timestamp;
};

/** Migration 0016: a filed website whose access resource was released or expired. */
export type WebsiteAccessRiskTable = {
  id: string;
  website_id: string;
  account_id: string;
  resource_id: string;
  reason: 'released' | 'expired';
  detected_at: Timestamp;
  resolved_at: Timestamp | null;
  resolution: 'resource_back' | 'access_ended' | null;
};

export type AuthorizationCodeTable = {
  code: string;
  account_id: string;
  resource_id: string;
  public_ip: string;
  issued_at: Timestamp;
  expires_at: Timestamp;
  state: 'unused' | 'in_filing' | 'used' | 'invalid';
  order_id: string | null;
  updated_at: Timestamp;
};

export type SubjectTable = {
  id: string;
  account_id: string;
  province: string;
  subject_type: string;
  status: 'active' | 'cancelled';
  icp_number: string;
  /** Sponsor name as shown publicly: a unit's full name, an individual's masked name. */
  public_name: string;
  /** AES-256-GCM ciphertext of the Subject JSON. */
  data_enc: string;
  /** HMAC blind index of the certificate number, for lookups without decrypting. */
  certificate_bidx: string;
  /** HMAC blind index of an individual's normalised full name (null for units and until backfilled). */
  name_bidx: ColumnType<string | null, string | null | undefined, string | null>;
  approved_at: Timestamp;
  updated_at: Timestamp;
};

export type WebsiteTable = {
  id: string;
  subject_id: string;
  account_id: string;
  domain: string;
  domain_unicode: string;
  name: string;
  status: 'active' | 'cancelled' | 'access_removed' | 'access_revoked';
  icp_number: string;
  authorization_code: string | null;
  data_enc: string;
  /** The name as shown publicly: an individual's full name inside it masked (null until backfilled). */
  public_name: ColumnType<string | null, string | null | undefined, string | null>;
  approved_at: Timestamp;
  updated_at: Timestamp;
};

export type FilingOrderTable = {
  id: string;
  account_id: string;
  subject_id: string | null;
  type: string;
  state: string;
  verification_stage: 'after_provider_review' | 'before_submit';
  version: number;
  province: string | null;
  /** AES-256-GCM ciphertext of the OrderData JSON. */
  data_enc: string;
  /** Non-personal facts from the type determination (subject number given, domain lookups). */
  determination: Json<Record<string, unknown>>;
  /** Websites of this platform the order acts on (changes, cancellations). */
  target_website_ids: Json<string[]>;
  terms_accepted_at: Timestamp | null;
  submission_count: number;
  regulator_ref: string | null;
  /** The last status seen from the regulator (SMS persons, reasons), masked. */
  regulator_status: Json<Record<string, unknown>> | null;
  reviewer_id: string | null;
  /** The reviewer working the order now; the claim holds until claim_expires_at (a lease renewed while open). */
  claimed_by: ColumnType<string | null, string | null | undefined, string | null>;
  claim_expires_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** When the provider's review is due (in 初审 or the authenticity review only; migration 0012). */
  sla_due_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** HMAC blind index of the sponsor's normalised name, for the back office's exact-name search. */
  subject_name_bidx: ColumnType<string | null, string | null | undefined, string | null>;
  /** Whether subject_name_bidx and order_domains were written from the current data (start-up fills the rest). */
  search_indexed: ColumnType<boolean, boolean | undefined, boolean>;
  submitted_at: Timestamp | null;
  last_submitted_at: Timestamp | null;
  last_activity_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  closed_at: Timestamp | null;
};

/** An order's domains, normalised, for the back office's prefix search (domains are public, not personal data). */
export type OrderDomainTable = { order_id: string; domain: string };

export type OrderRejectionTable = {
  id: string;
  order_id: string;
  stage: 'provider' | 'authenticity' | 'admin' | 'miit_return';
  reasons: Json<unknown[]>;
  actor_id: string | null;
  at: Timestamp;
};

export type MaterialTable = {
  id: string;
  order_id: string;
  account_id: string;
  kind: string;
  website_index: number | null;
  storage_key: string;
  content_type: string;
  byte_size: number;
  sha256: string;
  width: number | null;
  height: number | null;
  valid_until: string | null;
  status: 'active' | 'superseded' | 'removed';
  created_at: Timestamp;
};

export type AuthenticityVerificationTable = {
  id: string;
  order_id: string;
  website_index: number;
  method: 'photo' | 'video';
  material_ids: Json<string[]>;
  state: 'pending' | 'under_review' | 'approved' | 'rejected';
  reasons: Json<unknown[]>;
  updated_at: Timestamp;
};

/** A phone link for authenticity verification; the token itself is never stored (SHA-256 only). */
/** The data of each submission of an order (encrypted), for the reviewer's diff of a resubmission. */
export type OrderSubmissionTable = {
  order_id: string;
  number: number;
  data_enc: string;
  at: Timestamp;
};

export type VerifyLinkTable = {
  id: string;
  token_hash: string;
  order_id: string;
  account_id: string;
  issued_by: string;
  website_index: number;
  expires_at: Timestamp;
  opened_at: Timestamp | null;
  used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  material_id: string | null;
  sms_sent: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
};

export type AuditLogTable = {
  id: Generated<string>;
  at: Timestamp;
  actor_id: string | null;
  actor_role: string;
  action: string;
  order_id: string | null;
  from_state: string | null;
  to_state: string | null;
  reason: string | null;
  details: Json<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
};

export type DeadlineTable = {
  id: string;
  kind: string;
  ref_id: string;
  due_at: Timestamp;
  fired_at: Timestamp | null;
  locked_until: Timestamp | null;
  attempts: number;
  last_error: string | null;
};

export type OutboxTable = {
  id: string;
  topic: string;
  payload: Json<Record<string, unknown>>;
  idempotency_key: string;
  attempts: number;
  next_attempt_at: Timestamp;
  locked_until: Timestamp | null;
  done_at: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  /** Set while forwarding is held: the row waits for a reviewer to forward it (see platform_settings). */
  held_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  released_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  released_by: ColumnType<string | null, string | null | undefined, string | null>;
};

export type ReasonTemplateTable = {
  code: string;
  scope: 'field' | 'material' | 'both' | 'authenticity';
  zh: string;
  en: string;
  active: boolean;
  sort: number;
  updated_by: string | null;
  updated_at: Timestamp;
};

/** The provider's corrections to the working-day calendar (migration 0018); a row wins over chinese-days. */
export type CalendarDayTable = {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
  updated_by: string;
  updated_at: Timestamp;
};

export type NoticeTable = {
  id: string;
  level: 'info' | 'warning';
  title_zh: string;
  title_en: string;
  body_zh: string;
  body_en: string;
  starts_at: Timestamp;
  ends_at: Timestamp | null;
  withdrawn_at: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** Switches staff change at run time (e.g. forwarding mode), with who changed them last. */
export type PlatformSettingTable = {
  key: string;
  value: Json<unknown>;
  updated_by: string | null;
  updated_at: Timestamp;
};

export type IdempotencyKeyTable = {
  account_id: string;
  key: string;
  request_hash: string;
  status_code: number | null;
  response: Json<unknown> | null;
  created_at: Timestamp;
  /** Until when the attempt holding an unanswered key keeps it; null = free to take over. */
  locked_until: Timestamp | null;
  claim_token: string | null;
  /** What the request made (the order id), written in the transaction that made it. */
  resource_id: string | null;
};

/** Delivery state of one channel of a notification; `pending` until the first attempt records an outcome. */
export type NotificationChannelStatus = 'pending' | 'sent' | 'rate_limited' | 'no_phone' | 'failed' | 'not_applicable';

export type NotificationTable = {
  id: string;
  account_id: string;
  order_id: string | null;
  template: string;
  locale: string;
  title: string;
  body: string;
  sms_status: NotificationChannelStatus;
  email_status: NotificationChannelStatus;
  idempotency_key: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
  /** Insertion order, the tie-breaker for items with the same created_at. */
  seq: Generated<number>;
};

export type SmsSendLogTable = {
  id: string;
  /** Blind index of the phone (purpose 'phone'); the number itself is never stored here. */
  phone_bidx: string;
  sent_at: Timestamp;
};

/** Development-only stand-ins for a phone and a mailbox; the recipient is encrypted like all PI. */
export type DevSmsOutboxTable = {
  id: string;
  to_enc: string;
  text: string;
  idempotency_key: string;
  created_at: Timestamp;
};

export type DevEmailOutboxTable = {
  id: string;
  to_enc: string;
  subject: string;
  text: string;
  idempotency_key: string;
  created_at: Timestamp;
};

export type ApiKeyTable = {
  id: string;
  owner_id: string;
  name: string;
  /** Shown in lists and in the key itself (`bk_live_<prefix>_…`); how a presented key finds its row. */
  prefix: string;
  /** SHA-256 (hex) of the whole key; the key itself is shown once and never stored. */
  secret_hash: string;
  scopes: string[];
  created_by: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  expires_at: Timestamp | null;
};

export type WebhookSubscriptionTable = {
  id: string;
  /** The applicant account whose orders it hears about; null = platform-wide (admins' staff tools). */
  account_id: string | null;
  url: string;
  /** The signing secret, encrypted with ctx.cipher (the platform needs it back to sign). */
  secret_enc: string;
  event_types: string[];
  active: boolean;
  description: string;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

export type WebhookDeliveryTable = {
  /** Sent as X-Beian-Delivery; a redelivery is a new row with a new id and the same event id. */
  id: string;
  subscription_id: string;
  event_id: string;
  event_type: string;
  order_id: string | null;
  /** The exact event body (no personal data). */
  payload: Json<Record<string, unknown>>;
  status: WebhookDeliveryStatus;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  redelivery_of: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
};

export type WebhookDeliveryAttemptTable = {
  id: string;
  delivery_id: string;
  attempt: number;
  at: Timestamp;
  status_code: number | null;
  duration_ms: number;
  error: string | null;
  response_snippet: string | null;
};

export type Database = {
  api_keys: ApiKeyTable;
  webhook_subscriptions: WebhookSubscriptionTable;
  webhook_deliveries: WebhookDeliveryTable;
  webhook_delivery_attempts: WebhookDeliveryAttemptTable;
  users: UserTable;
  sessions: SessionTable;
  external_identities: ExternalIdentityTable;
  sign_in_attempts: SignInAttemptTable;
  login_throttle: LoginThrottleTable;
  staff_totp: StaffTotpTable;
  staff_recovery_codes: StaffRecoveryCodeTable;
  resources: ResourceTable;
  authorization_codes: AuthorizationCodeTable;
  subjects: SubjectTable;
  websites: WebsiteTable;
  filing_orders: FilingOrderTable;
  order_rejections: OrderRejectionTable;
  materials: MaterialTable;
  authenticity_verifications: AuthenticityVerificationTable;
  verify_links: VerifyLinkTable;
  order_submissions: OrderSubmissionTable;
  order_domains: OrderDomainTable;
  audit_log: AuditLogTable;
  deadlines: DeadlineTable;
  outbox: OutboxTable;
  platform_settings: PlatformSettingTable;
  reason_templates: ReasonTemplateTable;
  notices: NoticeTable;
  calendar_days: CalendarDayTable;
  idempotency_keys: IdempotencyKeyTable;
  notifications: NotificationTable;
  sms_send_log: SmsSendLogTable;
  dev_sms_outbox: DevSmsOutboxTable;
  dev_email_outbox: DevEmailOutboxTable;
  real_name_identities: RealNameIdentityTable;
  website_access_checks: WebsiteAccessCheckTable;
  website_access_risks: WebsiteAccessRiskTable;
};

export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type FilingOrderRow = Selectable<FilingOrderTable>;
export type FilingOrderUpdate = Updateable<FilingOrderTable>;
export type SubjectRow = Selectable<SubjectTable>;
export type WebsiteRow = Selectable<WebsiteTable>;
export type MaterialRow = Selectable<MaterialTable>;
export type AuthorizationCodeRow = Selectable<AuthorizationCodeTable>;
export type ResourceRow = Selectable<ResourceTable>;
export type NotificationRow = Selectable<NotificationTable>;
