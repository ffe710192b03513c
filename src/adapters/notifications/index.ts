import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { EmailSender, SmsSender } from '../../domain/notifications/ports.ts';
import { type Clock, systemClock } from '../../domain/ports/clock.ts';
import type { PiCipher } from '../../domain/ports/pi-cipher.ts';
import type { Database } from '../db/schema.ts';
import { createOutboxEmailSender } from './email-sender.outbox.ts';
import { createSmtpEmailSender } from './email-sender.smtp.ts';
import { createHttpSmsSender } from './sms-sender.http.ts';
import { createOutboxSmsSender } from './sms-sender.outbox.ts';

/**
 * Picks the SMS and e-mail adapters from SMS_PROVIDER and EMAIL_TRANSPORT (config.ts already refuses
 * `http` without SMS_HTTP_URL and `smtp` without SMTP_HOST). The outbox adapters encrypt recipients, hence the
 * cipher.
 */
export function createNotificationSendersFromConfig(
  config: Readonly<Config>,
  db: Kysely<Database>,
  cipher: PiCipher,
  clock: Clock = systemClock,
): { sms: SmsSender; email: EmailSender } {
  const sms =
    config.SMS_PROVIDER === 'http'
      ? createHttpSmsSender({
          url: config.SMS_HTTP_URL!,
          ...(config.SMS_HTTP_TOKEN ? { token: config.SMS_HTTP_TOKEN } : {}),
        })
      : createOutboxSmsSender(db, cipher, clock);
  const email =
    config.EMAIL_TRANSPORT === 'smtp'
      ? createSmtpEmailSender({
          host: config.SMTP_HOST!,
          port: config.SMTP_PORT,
          secure: config.SMTP_SECURE ?? config.SMTP_PORT === 465,
          ...(config.SMTP_USER ? { user: config.SMTP_USER } : {}),
          ...(config.SMTP_PASS ? { pass: config.SMTP_PASS } : {}),
          from: config.MAIL_FROM,
        })
      : createOutboxEmailSender(db, cipher, clock);
  return { sms, email };
}
