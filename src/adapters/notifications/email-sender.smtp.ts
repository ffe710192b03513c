import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type Nodemailer from 'nodemailer';
import type { EmailSender } from '../../domain/notifications/ports.ts';

// nodemailer (about 35 CommonJS files) is loaded when an SMTP sender is made, not by every process start: the
// default e-mail transport is the development outbox.
const require = createRequire(import.meta.url);

export type SmtpEmailSenderOptions = {
  host: string;
  port: number;
  /** Implicit TLS (port 465). Without it nodemailer upgrades with STARTTLS when the server offers it. */
  secure: boolean;
  user?: string;
  pass?: string;
  /** `Name <address>` or a bare address. */
  from: string;
  timeoutMs?: number;
};

/** The domain part of the From address, for Message-IDs that are ours. */
const fromDomain = (from: string): string => /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'beian.local';

/**
 * A stable Message-ID per idempotency key: a re-send after a crash carries the same ID, so mail servers and
 * clients can recognise it as the same message. Hashed so the key's order id does not show in headers.
 */
export const messageIdFor = (idempotencyKey: string, from: string): string =>
  `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32)}.notify@${fromDomain(from)}>`;

export type SmtpEmailSender = EmailSender & { close(): void };

/** E-mail over SMTP with nodemailer (one pooled-less transport; each send opens a connection). */
export function createSmtpEmailSender(options: SmtpEmailSenderOptions): SmtpEmailSender {
  const timeout = options.timeoutMs ?? 10_000;
  const nodemailer = require('nodemailer') as typeof Nodemailer;
  const transport = nodemailer.createTransport({
    host: options.host,
    port: options.port,
    secure: options.secure,
    ...(options.user ? { auth: { user: options.user, pass: options.pass ?? '' } } : {}),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    async send({ to, subject, text, idempotencyKey }) {
      try {
        await transport.sendMail({
          from: options.from,
          to,
          subject,
          text,
          messageId: messageIdFor(idempotencyKey, options.from),
        });
      } catch (error) {
        // nodemailer's messages may quote the recipient; keep only the codes (this text is persisted).
        const e = error as { code?: string; responseCode?: number };
        throw new Error(`SMTP send failed (${e.code ?? 'error'}${e.responseCode ? ` ${e.responseCode}` : ''})`);
      }
    },
    close: () => transport.close(),
  };
}
