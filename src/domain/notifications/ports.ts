/**
 * Outgoing channels to applicants. Both are at-least-once: the caller retries on a throw, so an adapter passes
 * `idempotencyKey` on to whatever can de-duplicate (the SMS provider, the Message-ID of an e-mail, the dev
 * outbox's unique key). Adapters throw on any failure and never swallow it, so the outbox retries.
 */
export type SmsMessage = { to: string; text: string; idempotencyKey: string };
export type EmailMessage = { to: string; subject: string; text: string; idempotencyKey: string };

export interface SmsSender {
  send(m: SmsMessage): Promise<void>;
}

export interface EmailSender {
  send(m: EmailMessage): Promise<void>;
}
