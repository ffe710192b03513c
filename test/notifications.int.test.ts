import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpEmailSender } from '../src/adapters/notifications/email-sender.smtp.ts';
import { startSmtpSink } from '../src/adapters/notifications/testing/smtp-sink.ts';
import type { OrderView } from '../src/contracts/order-api.ts';
import type { EmailSender } from '../src/domain/notifications/ports.ts';
import { buildApp } from '../src/http/app.ts';
import { individualSubject, person, uniqueDomain, website } from './support/filing-data.ts';
import { injectJson, type LoggedIn, loginAs } from './support/http.ts';
import {
  type Applicant,
  adminDecides,
  api,
  completeAndSubmit,
  getOrder,
  newApplicant,
  passProviderStages,
  verifyAllSms,
} from './support/journey.ts';
import { createTestPlatform, type TestPlatform } from './support/platform.ts';

/**
 * Applicant notifications end to end: real transitions queue them, the worker's outbox pass delivers them to the
 * inbox API, the dev outboxes and (for the approval) a real in-process SMTP server.
 */
let p: TestPlatform;
let reviewer: LoggedIn;
let admin: LoggedIn;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  p = await createTestPlatform();
  reviewer = await loginAs(p.app, p.ctx, 'reviewer');
  admin = await loginAs(p.app, p.ctx, 'admin');
  sink = await startSmtpSink();
});
afterAll(async () => {
  await p?.close();
  await sink?.close();
});

type InboxBody = {
  items: Array<{
    id: string;
    template: string;
    title: string;
    body: string;
    readAt: string | null;
    smsStatus: string;
    emailStatus: string;
  }>;
  unreadCount: number;
};
const inboxOf = (who: LoggedIn) => api<InboxBody>(p, who, 'GET', '/api/v1/applicant/notifications');

const reasons = [
  {
    field: 'websites.0.name',
    code: 'WEBSITE_NAME_MISMATCH',
    message: '网站名称与备案内容不符',
    suggestion: '请使用能体现网站内容的名称',
  },
];

describe('applicant notifications', () => {
  let a: Applicant;
  let rp: ReturnType<typeof person>;
  let orderId: string;
  let domain: string;
  let data: Parameters<typeof completeAndSubmit>[3];

  it('a provider rejection reaches the inbox with the field-level reason, and the dev outboxes', async () => {
    a = await newApplicant(p);
    domain = uniqueDomain('notify');
    rp = person({ name: '赵六' });
    const order = await api<OrderView>(
      p,
      a,
      'POST',
      '/api/v1/applicant/orders',
      { kind: 'new', domain, subjectAlreadyFiled: false },
      201,
    );
    orderId = order.id;
    const { code, ip } = await a.code();
    data = { subject: individualSubject(rp), websites: [website(domain, code, ip, rp, { name: '赵六的网站' })] };
    await completeAndSubmit(p, a, orderId, data);
    await api(p, reviewer, 'POST', `/api/v1/reviewer/orders/${orderId}/provider-review`, {
      decision: 'reject',
      reasons,
    });
    await p.settle();

    const inbox = await inboxOf(a);
    const item = inbox.items.find((i) => i.template === 'provider_rejected');
    expect(item, JSON.stringify(inbox)).toBeDefined();
    expect(item!.title).toBe('【ICP备案】备案未通过服务商初审');
    expect(item!.body).toContain('[网站1 · websites.0.name] 网站名称与备案内容不符');
    expect(item!.body).toContain('修改建议：请使用能体现网站内容的名称');
    expect(item).toMatchObject({ smsStatus: 'sent', emailStatus: 'sent', readAt: null });
    expect(inbox.unreadCount).toBe(1);
    // Only masked values in the inbox.
    expect(JSON.stringify(inbox)).not.toContain(rp.mobile);

    const mails = await api(p, admin, 'GET', '/api/v1/admin/dev/email-outbox');
    const mail = mails.items.find((m: { to: string; subject: string }) => m.to === a.user.email);
    expect(mail.subject).toBe(item!.title);
    expect(mail.text).toContain('网站名称与备案内容不符');
    const texts = await api(p, admin, 'GET', '/api/v1/admin/dev/sms-outbox');
    const text = texts.items.find((m: { to: string }) => m.to === rp.mobile);
    expect(text.text).toMatch(/^【ICP备案】您的首次备案（notify-.*）未通过服务商初审，共1处需修改/);
  });

  it('marking read: own item yes, another account’s item is 404; a sub-account shares the inbox', async () => {
    const [item] = (await inboxOf(a)).items;
    const read = await api(p, a, 'POST', `/api/v1/applicant/notifications/${item!.id}/read`);
    expect(read.readAt).toBe(p.clock.now().toISOString());
    expect((await inboxOf(a)).unreadCount).toBe(0);
    const stranger = await newApplicant(p);
    expect((await inboxOf(stranger)).items).toEqual([]);
    const res = await injectJson(p.app, {
      method: 'POST',
      url: `/api/v1/applicant/notifications/${item!.id}/read`,
      cookie: stranger.cookie,
    });
    expect(res.statusCode).toBe(404);
    const sub = await loginAs(p.app, p.ctx, 'sub_account', { parent: a.user });
    expect((await inboxOf(sub)).items.map((i) => i.id)).toContain(item!.id);
  });

  it('approval arrives by SMTP (a real in-process server) and in the inbox, with the numbers', async () => {
    const outboxEmail = p.ctx.email;
    const smtp = createSmtpEmailSender({
      host: '127.0.0.1',
      port: sink.port,
      secure: false,
      from: 'beian <noreply@beian.test>',
    });
    p.ctx.email = smtp as EmailSender;
    try {
      const seen = await getOrder(p, a, orderId);
      const fixed = { ...data!, websites: [{ ...data!.websites[0]!, name: '赵六的读书笔记' }] };
      await api(p, a, 'PUT', `/api/v1/applicant/orders/${orderId}/data`, { version: seen.version, data: fixed });
      await api(p, a, 'POST', `/api/v1/applicant/orders/${orderId}/submit`, {});
      const view = await passProviderStages(p, a, reviewer, orderId);
      expect(view.state).toBe('pending_sms_verification');
      await verifyAllSms(p, orderId, { [rp.mobile]: rp.idNumber });
      await adminDecides(p, orderId, 'approve');
      const done = await getOrder(p, a, orderId);
      expect(done.state).toBe('approved');
      const websiteNumber = done.numbers!.websites[0]!.websiteNumber;

      const inbox = await inboxOf(a);
      const approved = inbox.items.find((i) => i.template === 'approved');
      expect(approved!.body).toContain(`主体备案号：${done.numbers!.subjectNumber}`);
      expect(approved!.body).toContain(`网站备案号 (${domain})：${websiteNumber}`);
      // Newest first, and every step the applicant had to know about is there once.
      expect(inbox.items[0]!.template).toBe('approved');
      const templates = inbox.items.map((i) => i.template);
      for (const t of ['authenticity_requested', 'submitted_to_regulator', 'sms_window_opened', 'approved']) {
        expect(templates.filter((x) => x === t)).toHaveLength(1);
      }

      const mail = sink.messages.find((m) => m.subject === '【ICP备案】备案已通过');
      expect(mail, sink.messages.map((m) => m.subject).join(', ')).toBeDefined();
      expect(mail!.envelopeTo).toEqual([a.user.email]);
      expect(mail!.text).toContain(`主体备案号：${done.numbers!.subjectNumber}`);
      expect(mail!.text).toContain(websiteNumber);
      const window = sink.messages.find((m) => m.subject === '【ICP备案】请完成工信部短信核验');
      expect(window!.text).toMatch(/请在\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）前完成/);
      expect(window!.text).toContain('138****');
    } finally {
      p.ctx.email = outboxEmail;
      smtp.close();
    }
  });

  it('the dev outbox routes are 404 when a real provider is configured', async () => {
    const app = await buildApp({
      ctx: { ...p.ctx, config: { ...p.ctx.config, SMS_PROVIDER: 'http', EMAIL_TRANSPORT: 'smtp' } },
    });
    try {
      for (const url of ['/api/v1/admin/dev/sms-outbox', '/api/v1/admin/dev/email-outbox']) {
        expect((await injectJson(app, { method: 'GET', url, cookie: admin.cookie })).statusCode).toBe(404);
        expect((await injectJson(p.app, { method: 'GET', url, cookie: admin.cookie })).statusCode).toBe(200);
        expect((await injectJson(p.app, { method: 'GET', url, cookie: a.cookie })).statusCode).toBe(403);
      }
    } finally {
      await app.close();
    }
  });
});
