import { describe, expect, it } from 'vitest';
import { NOTIFICATION_TEMPLATES } from '../lifecycle/types.ts';
import { formatShanghai } from './format.ts';
import {
  APPLICANT_TEMPLATES,
  type ApplicantTemplate,
  NOTIFICATION_LOCALES,
  renderNotification,
  SMS_MAX_CHARS,
  type TemplateData,
} from './templates.ts';

const reasons = [
  {
    field: 'websites.0.name',
    code: 'WEBSITE_NAME_MISMATCH',
    message: '网站名称与内容不符',
    suggestion: '请修改网站名称',
  },
  { field: 'subject.mailingAddress', code: 'ADDRESS_INCOMPLETE', message: '通信地址不完整' },
];
const facts = { filingType: 'first_filing' as const, domains: ['example.cn'] };
const deadline = new Date('2026-11-29T02:00:00Z'); // 10:00 in Beijing
const sms = { ...facts, smsDeadlineAt: deadline, hoursLeft: 12, maskedMobiles: ['138****5678'] };

const SAMPLES: { [T in ApplicantTemplate]: TemplateData[T] } = {
  provider_rejected: { ...facts, reasons },
  authenticity_requested: facts,
  authenticity_rejected: { ...facts, reasons },
  submitted_to_regulator: facts,
  sms_window_opened: { ...sms, hoursLeft: 24 },
  sms_deadline_reminder: sms,
  returned_by_miit: { ...facts, reasons },
  admin_rejected: { ...facts, reasons },
  approved: {
    ...facts,
    numbers: {
      subjectNumber: '京ICP备2026000001号',
      websites: [{ domain: 'example.cn', websiteNumber: '京ICP备2026000001号-1' }],
    },
  },
  completed_removed: { filingType: 'cancel_website', domains: ['example.cn'] },
  draft_expired: facts,
  authorization_code_expiring: { code: 'ABCD2345EFGH6789', expiresAt: new Date('2027-01-31T16:00:00Z') },
  website_access_at_risk: {
    domain: 'example-long-domain.cn',
    websiteNumber: '京ICP备2026000001号-1',
    reason: 'released',
  },
};

const render = <T extends ApplicantTemplate>(t: T, l: (typeof NOTIFICATION_LOCALES)[number], d?: TemplateData[T]) =>
  renderNotification(t, l, d ?? SAMPLES[t]);

describe('notification templates', () => {
  it('cover every lifecycle template plus the two reminders and the access warning', () => {
    expect(APPLICANT_TEMPLATES).toEqual(expect.arrayContaining([...NOTIFICATION_TEMPLATES]));
    expect(APPLICANT_TEMPLATES).toHaveLength(NOTIFICATION_TEMPLATES.length + 3);
  });

  for (const template of APPLICANT_TEMPLATES) {
    for (const locale of NOTIFICATION_LOCALES) {
      it(`${template} / ${locale}: an SMS within budget, a subject and a body`, () => {
        const m = render(template, locale);
        expect(Array.from(m.sms).length).toBeLessThanOrEqual(SMS_MAX_CHARS);
        expect(m.sms.startsWith(locale === 'zh-CN' ? '【ICP备案】' : '[ICP Filing] ')).toBe(true);
        expect(m.emailSubject.length).toBeGreaterThan(8);
        expect(m.emailText.length).toBeGreaterThan(m.sms.length / 2);
        // No unmasked mainland mobile number anywhere.
        expect(`${m.sms}${m.emailText}`).not.toMatch(/1[3-9]\d{9}/);
        // The other locale's script does not leak in (domains and numbers aside).
        if (locale === 'en-US') expect(m.sms.replace(/京ICP备\d+号(-\d+)?/g, '')).not.toMatch(/[\u4e00-\u9fff]/);
        else expect(m.emailText).toMatch(/[\u4e00-\u9fff]/);
      });
    }
  }

  it('rejections list every field-level reason with its suggestion in the e-mail, the count in the SMS', () => {
    for (const t of ['provider_rejected', 'authenticity_rejected', 'admin_rejected', 'returned_by_miit'] as const) {
      const m = render(t, 'zh-CN');
      expect(m.emailText).toContain('[网站1 · websites.0.name] 网站名称与内容不符');
      expect(m.emailText).toContain('修改建议：请修改网站名称');
      expect(m.emailText).toContain('[主体 · subject.mailingAddress] 通信地址不完整');
      expect(m.sms).toContain('共2处');
      const en = render(t, 'en-US');
      expect(en.emailText).toContain('[Website 1 · websites.0.name]');
      expect(en.emailText).toContain('Suggestion: 请修改网站名称');
    }
  });

  it('approval carries the numbers', () => {
    const m = render('approved', 'zh-CN');
    expect(m.emailText).toContain('主体备案号：京ICP备2026000001号');
    expect(m.emailText).toContain('网站备案号 (example.cn)：京ICP备2026000001号-1');
    expect(m.sms).toContain('京ICP备2026000001号-1');
    expect(render('approved', 'en-US').emailText).toContain('Subject filing number: 京ICP备2026000001号');
  });

  it('SMS window times are shown in Beijing time, with the countdown and the masked mobiles', () => {
    expect(formatShanghai(deadline)).toBe('2026-11-29 10:00');
    const opened = render('sms_window_opened', 'zh-CN');
    expect(opened.sms).toContain('2026-11-29 10:00（北京时间）');
    expect(opened.emailText).toContain('138****5678');
    const reminder = render('sms_deadline_reminder', 'en-US');
    expect(reminder.sms).toContain('about 12 h');
    expect(reminder.sms).toContain('2026-11-29 10:00 (Beijing time, UTC+8)');
  });

  it('authorization code reminders show the full code by e-mail only and the expiry date in Beijing', () => {
    const m = render('authorization_code_expiring', 'zh-CN');
    expect(m.emailText).toContain('ABCD2345EFGH6789');
    expect(m.emailText).toContain('2027-02-01 00:00');
    expect(m.sms).not.toContain('ABCD2345EFGH6789');
    expect(m.sms).toContain('ABCD****6789');
    expect(m.sms).toContain('2027-02-01');
  });

  it('a ten-website order with long domains and many reasons still fits one SMS', () => {
    const domains = Array.from({ length: 10 }, (_, i) => `${'very-long-label-'.repeat(4)}${i}.example.com.cn`);
    const many = Array.from({ length: 30 }, () => reasons[0]!);
    for (const locale of NOTIFICATION_LOCALES) {
      const m = render('provider_rejected', locale, { filingType: 'change_website', domains, reasons: many });
      expect(Array.from(m.sms).length).toBeLessThanOrEqual(SMS_MAX_CHARS);
      expect(m.sms).toContain(locale === 'zh-CN' ? '等10个网站' : 'and 9 more');
      expect(m.emailText).toContain(domains[9]);
    }
  });

  it('an order without domains (subject cancellation) still reads naturally', () => {
    const m = render('completed_removed', 'zh-CN', { filingType: 'cancel_subject', domains: [] });
    expect(m.sms).toContain('您的主体注销已办理完成');
  });
});
