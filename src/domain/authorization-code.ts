import type { ErrorCode } from './errors.ts';
import type { Resource } from './ports/resource-inventory.ts';

/**
 * Authorization codes (授权码, domain.md T13 and §3.6): proof that a filing is backed by a resource of this
 * provider. Pure rules only; the use cases in src/use-cases/authorization-codes apply them to the database.
 */

export const AUTH_CODE_STATES = ['unused', 'in_filing', 'used', 'invalid'] as const;
export type AuthCodeState = (typeof AUTH_CODE_STATES)[number];

/** One public IP yields at most this many codes that are not invalid (domain.md §8.6: at most 5 subjects per IP). */
export const CODES_PER_PUBLIC_IP = 5;
/** A resource needs strictly more than this many months of paid term left (domain.md T13). */
export const MIN_REMAINING_MONTHS = 3;
export const CODE_VALIDITY_YEARS = 1;

// ---- eligibility -----------------------------------------------------------------------------------------

export type IneligibleReason = 'pay_as_you_go' | 'expires_within_3_months' | 'no_public_ip';
export type Eligibility = { eligible: true } | { eligible: false; reason: IneligibleReason };

/** Calendar months in UTC, clamped to the month's last day (30 Nov + 3 months = 28/29 Feb). */
export function addMonthsUtc(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const out = new Date(date.getTime());
  out.setUTCFullYear(y, m, Math.min(date.getUTCDate(), lastDay));
  return out;
}

/**
 * Servers: prepaid (monthly/yearly) with more than 3 months left and a public IP bound. Site-builder
 * subscriptions get their code from the same rule: the inventory only lists yearly site-builder plans, and a
 * code is always counted against a public IP, so the site's serving IP must be known too.
 */
export function resourceEligibility(resource: Resource, now: Date): Eligibility {
  if (resource.billingType !== 'prepaid') return { eligible: false, reason: 'pay_as_you_go' };
  if (resource.expiresAt.getTime() <= addMonthsUtc(now, MIN_REMAINING_MONTHS).getTime()) {
    return { eligible: false, reason: 'expires_within_3_months' };
  }
  if (resource.publicIps.length === 0) return { eligible: false, reason: 'no_public_ip' };
  return { eligible: true };
}

export const isResourceEligible = (resource: Resource, now: Date): boolean =>
  resourceEligibility(resource, now).eligible;

export const INELIGIBLE_REASON_LABELS: Record<IneligibleReason, string> = {
  pay_as_you_go: '按配置计费的资源不能申请授权码，仅支持包年包月',
  expires_within_3_months: '资源剩余有效期不足3个月',
  no_public_ip: '资源未绑定公网IP',
};

// ---- issuing ---------------------------------------------------------------------------------------------

/** Valid one calendar year from issue; an issue on 29 Feb ends on 1 Mar. */
export function codeExpiry(issuedAt: Date): Date {
  const out = new Date(issuedAt.getTime());
  out.setUTCFullYear(out.getUTCFullYear() + CODE_VALIDITY_YEARS);
  return out;
}

export const isCodeExpired = (expiresAt: Date, now: Date): boolean => now.getTime() >= expiresAt.getTime();

/** No 0/O, 1/I/L: codes are read aloud on the phone and typed from screenshots. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 16;
export const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** Fills n random bytes; the caller passes crypto.getRandomValues so the domain imports no runtime modules. */
export type RandomBytes = (n: number) => Uint8Array;

/**
 * 16 characters drawn without modulo bias: bytes ≥ 248 (the largest multiple of 31 below 256) are skipped.
 * 31^16 ≈ 7·10^23 codes, so guessing one is out of reach; issuing still retries on a primary-key clash.
 */
export function generateCode(randomBytes: RandomBytes): string {
  const limit = 256 - (256 % CODE_ALPHABET.length);
  let out = '';
  while (out.length < CODE_LENGTH) {
    for (const b of randomBytes(CODE_LENGTH * 2)) {
      if (b >= limit) continue;
      out += CODE_ALPHABET[b % CODE_ALPHABET.length];
      if (out.length === CODE_LENGTH) break;
    }
  }
  return out;
}

/** Users paste codes with spaces, dashes or lower case; those never change which code is meant. */
export const normalizeCode = (input: string): string => input.replace(/[\s-]/g, '').toUpperCase();

// ---- state machine ---------------------------------------------------------------------------------------

export type AuthCodeEvent = 'reserve' | 'release' | 'consume' | 'invalidate' | 'expire';

/**
 * Allowed-from table (domain.md §3.6). `used` and `invalid` are terminal. Open question 19 (expiry while
 * IN_FILING) is decided here: expiry leaves an in_filing code alone, so it stays valid for the filing that holds
 * it; if that filing is abandoned after the expiry date, release sends the code straight to `invalid`.
 */
export const CODE_TRANSITIONS = {
  reserve: { from: ['unused'], to: 'in_filing' },
  release: { from: ['in_filing'], to: 'unused' },
  consume: { from: ['in_filing'], to: 'used' },
  invalidate: { from: ['unused', 'in_filing'], to: 'invalid' },
  expire: { from: ['unused'], to: 'invalid' },
} as const satisfies Record<AuthCodeEvent, { from: readonly AuthCodeState[]; to: AuthCodeState }>;

export const allowedFrom = (event: AuthCodeEvent): readonly AuthCodeState[] => CODE_TRANSITIONS[event].from;

/** The state after the event, or null when the event does not apply to a code in that state. */
export function nextCodeState(
  state: AuthCodeState,
  event: AuthCodeEvent,
  timing: { expiresAt: Date; now: Date },
): AuthCodeState | null {
  const rule = CODE_TRANSITIONS[event];
  if (!(rule.from as readonly AuthCodeState[]).includes(state)) return null;
  const expired = isCodeExpired(timing.expiresAt, timing.now);
  if (event === 'release' && expired) return 'invalid';
  if (event === 'expire' && !expired) return null; // a sweeper running early changes nothing
  if (event === 'reserve' && expired) return null;
  return rule.to;
}

export type CodeSnapshot = {
  state: AuthCodeState;
  accountId: string;
  orderId: string | null;
  expiresAt: Date;
};

/**
 * Why a filing order may not hold this code, or null when it may. A code already held by the same order is
 * fine even after its expiry date (resubmission keeps it, see CODE_TRANSITIONS). Another user meets
 * "授权码已被使用" for in-filing and used codes (domain.md §3.6). A code is a bearer credential: the resource
 * owner may hand it to another subject (5 codes per IP = at most 5 subjects per IP), so the filing account need
 * not own the resource; 16 random characters make guessing one impractical.
 */
export function reserveRefusal(
  code: CodeSnapshot,
  by: { orderId: string; accountId: string; now: Date },
): ErrorCode | null {
  if (code.state === 'in_filing' && code.orderId === by.orderId) return null;
  if (code.state === 'used' || code.state === 'in_filing') return 'AUTH_CODE_IN_USE';
  if (code.state === 'invalid') return 'AUTH_CODE_INVALID';
  if (isCodeExpired(code.expiresAt, by.now)) return 'AUTH_CODE_INVALID';
  return null;
}

/** The code as the applicant sees it: an unused code past its date is invalid even before the sweeper runs. */
export const displayState = (state: AuthCodeState, expiresAt: Date, now: Date): AuthCodeState =>
  state === 'unused' && isCodeExpired(expiresAt, now) ? 'invalid' : state;
