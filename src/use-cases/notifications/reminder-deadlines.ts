import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.ts';
import { armDeadline } from '../orders/deadlines.ts';

/** Deadline kinds the sweeper hands to reminders.ts (ref_id: the code, resp. the order id). */
export const AUTHORIZATION_CODE_REMINDER_DEADLINE = 'authorization_code_reminder';
export const SMS_DEADLINE_REMINDER_DEADLINE = 'sms_deadline_reminder';

/** A code is valid a year; a month's notice leaves time to file before it lapses. */
export const CODE_REMINDER_LEAD_MS = 30 * 24 * 3600_000;
/** Half of MIIT's 24 h window: early enough to act, late enough not to nag people who verify at once. */
export const SMS_REMINDER_LEAD_MS = 12 * 3600_000;

/** Arms the code's reminder in the caller's transaction (the one that issues the code). */
export async function armAuthorizationCodeReminder(
  trx: Kysely<Database>,
  code: string,
  expiresAt: Date,
): Promise<void> {
  await armDeadline(
    trx,
    AUTHORIZATION_CODE_REMINDER_DEADLINE,
    code,
    new Date(expiresAt.getTime() - CODE_REMINDER_LEAD_MS),
  );
}

/**
 * Arms (or moves) the order's SMS countdown reminder. Skipped when the reminder time has already passed (a window
 * shorter than the lead): the "window opened" message already gave the deadline.
 */
export async function armSmsDeadlineReminder(
  db: Kysely<Database>,
  orderId: string,
  closesAt: Date,
  now: Date,
): Promise<void> {
  const dueAt = new Date(closesAt.getTime() - SMS_REMINDER_LEAD_MS);
  if (dueAt.getTime() <= now.getTime()) return;
  await armDeadline(db, SMS_DEADLINE_REMINDER_DEADLINE, orderId, dueAt);
}
