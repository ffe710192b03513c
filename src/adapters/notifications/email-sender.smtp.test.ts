import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSmtpEmailSender, messageIdFor } from './email-sender.smtp.ts';
import { type ReceivedMail, startSmtpSink } from './testing/smtp-sink.ts';

let sink: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => sink.close());
beforeEach(() => sink.clear());

const sender = (from = 'beian <noreply@beian.test>') =>
  createSmtpEmailSender({ host: '127.0.0.1', port: sink.port, secure: false, from, timeoutMs: 5000 });

describe('SMTP e-mail sender against a real in-process SMTP server', () => {
  it('delivers recipient, subject and body (UTF-8) with a Message-ID derived from the idempotency key', async () => {
    const s = sender();
    await s.send({
      to: 'applicant@example.cn',
      subject: '【ICP备案】备案已通过',
      text: '您好：\n\n主体备案号：京ICP备2026000001号\n',
      idempotencyKey: 'notify:o1:approved:1:9:email',
    });
    s.close();
    expect(sink.messages).toHaveLength(1);
    const m = sink.messages[0] as ReceivedMail;
    expect(m.envelopeFrom).toBe('noreply@beian.test');
    expect(m.envelopeTo).toEqual(['applicant@example.cn']);
    expect(m.header('to')).toContain('applicant@example.cn');
    expect(m.subject).toBe('【ICP备案】备案已通过');
    expect(m.text).toContain('主体备案号：京ICP备2026000001号');
    expect(m.header('message-id')).toBe(messageIdFor('notify:o1:approved:1:9:email', 'noreply@beian.test'));
  });

  it('re-sending the same key carries the same Message-ID; another key a different one', async () => {
    const s = sender();
    const base = { to: 'a@example.cn', subject: 'Hello', text: 'x' };
    await s.send({ ...base, idempotencyKey: 'k1' });
    await s.send({ ...base, idempotencyKey: 'k1' });
    await s.send({ ...base, idempotencyKey: 'k2' });
    s.close();
    const ids = sink.messages.map((m) => m.header('message-id'));
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
    expect(ids[0]).toMatch(/^<[0-9a-f]{32}\.notify@beian\.test>$/);
  });

  it('throws without quoting the recipient when the server refuses', async () => {
    const refusing = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (_addr, _session, cb) => cb(Object.assign(new Error('no such user'), { responseCode: 550 })),
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const port = (refusing.server.address() as AddressInfo).port;
    const s = createSmtpEmailSender({ host: '127.0.0.1', port, secure: false, from: 'noreply@beian.test' });
    const error = await s
      .send({ to: 'secret@example.cn', subject: 's', text: 't', idempotencyKey: 'k' })
      .catch((e: Error) => e);
    s.close();
    await new Promise<void>((resolve) => refusing.close(() => resolve()));
    expect((error as Error).message).toMatch(/SMTP send failed/);
    expect((error as Error).message).not.toContain('secret@example.cn');
  });
});
