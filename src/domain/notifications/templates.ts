import type { RejectionReason } from '../../contracts/filing-data.ts';
import { FILING_TYPE_INFO, type FilingType } from '../filing-type.ts';
import { NOTIFICATION_TEMPLATES, type NotificationTemplate } from '../lifecycle/types.ts';
import {
  type ApprovalNumbers,
  clampSms,
  formatDeadline,
  formatShanghaiDate,
  type NotificationLocale,
  renderNumbers,
  renderReasons,
  summariseDomains,
} from './format.ts';

export { type ApprovalNumbers, NOTIFICATION_LOCALES, type NotificationLocale, SMS_MAX_CHARS } from './format.ts';

/**
 * Applicant notifications, rendered from typed data (pure: no clock, no I/O). Besides the transition templates
 * there are two timer-driven ones. Texts carry public facts (filing type, domains, numbers) and masked values
 * only: an SMS can be read on a lock screen, and the same text is stored in the in-app inbox.
 */
export const REMINDER_TEMPLATES = [
  'sms_deadline_reminder',
  'authorization_code_expiring',
  'website_access_at_risk',
] as const;
export type ApplicantTemplate = NotificationTemplate | (typeof REMINDER_TEMPLATES)[number];
export const APPLICANT_TEMPLATES: readonly ApplicantTemplate[] = [...NOTIFICATION_TEMPLATES, ...REMINDER_TEMPLATES];

export type OrderFacts = { filingType: FilingType; domains: string[] };
type Rejected = OrderFacts & { reasons: RejectionReason[] };
/** MIIT's SMS window: when it closes, who was texted (already masked), and hours left for the countdown. */
type SmsWindow = OrderFacts & { smsDeadlineAt: Date; hoursLeft: number; maskedMobiles: string[] };

export type TemplateData = {
  provider_rejected: Rejected;
  authenticity_requested: OrderFacts;
  authenticity_rejected: Rejected;
  submitted_to_regulator: OrderFacts;
  sms_window_opened: SmsWindow;
  sms_deadline_reminder: SmsWindow;
  returned_by_miit: Rejected;
  admin_rejected: Rejected;
  approved: OrderFacts & { numbers: ApprovalNumbers };
  completed_removed: OrderFacts;
  draft_expired: OrderFacts;
  authorization_code_expiring: { code: string; expiresAt: Date };
  /** The access sweep found the website's server released or expired (domain.md T12, 空壳网站). */
  website_access_at_risk: { domain: string; websiteNumber: string; reason: 'released' | 'expired' };
};

/** A template with its data, as one value (what the use case builds). */
export type NotificationInput = { [T in ApplicantTemplate]: { template: T; data: TemplateData[T] } }[ApplicantTemplate];

export type RenderedNotification = { sms: string; emailSubject: string; emailText: string };

type Parts = { sms: string; subject: string; body: string };
type Renderer<T extends ApplicantTemplate> = (d: TemplateData[T], l: NotificationLocale) => Parts;

const zh = (l: NotificationLocale) => l === 'zh-CN';

/** "您的首次备案（a.cn）" / "Your First filing (a.cn)": the order as the applicant recognises it. */
function orderName(d: OrderFacts, l: NotificationLocale): string {
  const info = FILING_TYPE_INFO[d.filingType];
  const domains = summariseDomains(d.domains, l);
  if (zh(l)) return `您的${info.nameZh}${domains ? `（${domains}）` : ''}`;
  return `Your ${info.nameEn} order${domains ? ` (${domains})` : ''}`;
}

const fullDomains = (d: OrderFacts, l: NotificationLocale) =>
  d.domains.length === 0 ? '' : `\n${zh(l) ? '涉及网站：' : 'Websites: '}${d.domains.join(', ')}`;

/** The three rejection-like templates differ only in who rejected. */
const rejection =
  (byZh: string, byEn: string) =>
  (d: Rejected, l: NotificationLocale): Parts => {
    const n = d.reasons.length;
    return zh(l)
      ? {
          sms: `${orderName(d, l)}未通过${byZh}，共${n}处需修改，详见站内信或邮件。`,
          subject: `备案未通过${byZh}`,
          body: `${orderName(d, l)}未通过${byZh}。请按以下意见修改后重新提交：${fullDomains(d, l)}\n\n${renderReasons(d.reasons, l)}`,
        }
      : {
          sms: `${orderName(d, l)} was rejected in ${byEn}: ${n} item(s) to fix. Details in your inbox or e-mail.`,
          subject: `Filing rejected in ${byEn}`,
          body: `${orderName(d, l)} was rejected in ${byEn}. Please fix the following and resubmit:${fullDomains(d, l)}\n\n${renderReasons(d.reasons, l)}`,
        };
  };

const smsWindow =
  (reminder: boolean) =>
  (d: SmsWindow, l: NotificationLocale): Parts => {
    const at = formatDeadline(d.smsDeadlineAt, l);
    const who =
      d.maskedMobiles.length === 0
        ? ''
        : `\n${zh(l) ? '已发送短信的手机号：' : 'Texted mobiles: '}${d.maskedMobiles.join(', ')}`;
    if (zh(l)) {
      const lead = reminder
        ? `${orderName(d, l)}的工信部短信核验剩余约${d.hoursLeft}小时，将于${at}截止`
        : `${orderName(d, l)}已进入工信部短信核验，请在${at}前完成`;
      return {
        sms: `${lead}，逾期将被退回。`,
        subject: reminder ? `短信核验即将截止（剩余约${d.hoursLeft}小时）` : '请完成工信部短信核验',
        body: `${lead}。相关负责人会收到工信部发送的短信，请按短信提示提交核验码，逾期未完成的订单将被退回。${who}${fullDomains(d, l)}`,
      };
    }
    const lead = reminder
      ? `${orderName(d, l)}: the MIIT SMS check closes in about ${d.hoursLeft} h, at ${at}`
      : `${orderName(d, l)} is in MIIT's SMS check; complete it by ${at}`;
    return {
      sms: `${lead}, or the order is returned.`,
      subject: reminder ? `SMS check closes in about ${d.hoursLeft} h` : 'Please complete the MIIT SMS check',
      body: `${lead}. The responsible persons receive an SMS from MIIT and must enter its code as instructed; orders not verified in time are returned.${who}${fullDomains(d, l)}`,
    };
  };

const RENDERERS: { [T in ApplicantTemplate]: Renderer<T> } = {
  provider_rejected: rejection('服务商初审', 'provider review'),
  authenticity_rejected: rejection('真实性核验', 'authenticity verification'),
  admin_rejected: rejection('管局审核', 'the administration review'),
  returned_by_miit: (d, l) => {
    const base = rejection('工信部核验', "MIIT's check")(d, l);
    return zh(l)
      ? {
          ...base,
          sms: `${orderName(d, l)}已被工信部退回，共${d.reasons.length}处需处理，详见站内信或邮件。`,
          subject: '备案已被工信部退回',
        }
      : {
          ...base,
          sms: `${orderName(d, l)} was returned by MIIT: ${d.reasons.length} item(s) to handle. Details in your inbox or e-mail.`,
          subject: 'Filing returned by MIIT',
        };
  },
  authenticity_requested: (d, l) =>
    zh(l)
      ? {
          sms: `${orderName(d, l)}已通过初审，请尽快上传网站负责人核验照片。`,
          subject: '请完成真实性核验',
          body: `${orderName(d, l)}已通过服务商初审。请登录控制台，为每个网站上传负责人的核验照片（幕布照）。${fullDomains(d, l)}`,
        }
      : {
          sms: `${orderName(d, l)} passed provider review. Please upload the verification photos.`,
          subject: 'Please complete the authenticity verification',
          body: `${orderName(d, l)} passed the provider review. Please sign in and upload the responsible person's verification photo for every website.${fullDomains(d, l)}`,
        },
  submitted_to_regulator: (d, l) =>
    zh(l)
      ? {
          sms: `${orderName(d, l)}已提交管局审核，如需短信核验请留意工信部短信。`,
          subject: '备案已提交管局',
          body: `${orderName(d, l)}已提交至通信管理局。如需短信核验，工信部将向负责人手机发送短信，请在规定时间内完成。${fullDomains(d, l)}`,
        }
      : {
          sms: `${orderName(d, l)} was submitted to the administration. Watch for an SMS from MIIT.`,
          subject: 'Filing submitted to the administration',
          body: `${orderName(d, l)} was submitted to the communications administration. If an SMS check is needed, MIIT texts the responsible persons; complete it in time.${fullDomains(d, l)}`,
        },
  sms_window_opened: smsWindow(false),
  sms_deadline_reminder: smsWindow(true),
  approved: (d, l) => {
    const first = d.numbers.websites[0]?.websiteNumber ?? d.numbers.subjectNumber ?? '';
    return zh(l)
      ? {
          sms: `${orderName(d, l)}已通过管局审核，备案号${first}。请在网站底部展示备案号。`,
          subject: '备案已通过',
          body: `恭喜，${orderName(d, l)}已通过管局审核。\n\n${renderNumbers(d.numbers, l)}\n\n请在网站首页底部展示网站备案号，并链接至 https://beian.miit.gov.cn/ 。`,
        }
      : {
          sms: `${orderName(d, l)} was approved. Filing number ${first}. Show it in your site footer.`,
          subject: 'Filing approved',
          body: `${orderName(d, l)} was approved by the administration.\n\n${renderNumbers(d.numbers, l)}\n\nShow the website filing number in the footer of your home page, linked to https://beian.miit.gov.cn/ .`,
        };
  },
  completed_removed: (d, l) =>
    zh(l)
      ? {
          sms: `${orderName(d, l)}已办理完成，相关备案或接入已注销。`,
          subject: '注销/取消接入已完成',
          body: `${orderName(d, l)}已由管局办理完成，相关备案或接入信息已注销。${fullDomains(d, l)}`,
        }
      : {
          sms: `${orderName(d, l)} is complete; the filing or access was removed.`,
          subject: 'Cancellation completed',
          body: `${orderName(d, l)} was completed by the administration; the filing or access record was removed.${fullDomains(d, l)}`,
        },
  draft_expired: (d, l) =>
    zh(l)
      ? {
          sms: `${orderName(d, l)}草稿因长期未操作已关闭，如需备案请重新发起。`,
          subject: '备案草稿已关闭',
          body: `${orderName(d, l)}草稿长期未操作，已自动关闭，占用的授权码已释放。如仍需备案，请重新发起。${fullDomains(d, l)}`,
        }
      : {
          sms: `${orderName(d, l)} draft was closed after a long time without activity.`,
          subject: 'Filing draft closed',
          body: `${orderName(d, l)} draft was closed after a long time without activity, and its authorization codes were released. Start a new order if you still need to file.${fullDomains(d, l)}`,
        },
  authorization_code_expiring: (d, l) => {
    // The SMS shows the code's ends only: it is an account credential and an SMS shows on lock screens.
    const short = `${d.code.slice(0, 4)}****${d.code.slice(-4)}`;
    const date = formatShanghaiDate(d.expiresAt);
    return zh(l)
      ? {
          sms: `您的备案授权码${short}将于${date}到期，请在到期前使用。`,
          subject: '备案授权码即将到期',
          body: `您的备案授权码 ${d.code} 将于 ${formatDeadline(d.expiresAt, l)} 到期。到期后未使用的授权码将失效，需要重新申请。`,
        }
      : {
          sms: `Your authorization code ${short} expires on ${date}. Use it before then.`,
          subject: 'Authorization code expiring soon',
          body: `Your authorization code ${d.code} expires at ${formatDeadline(d.expiresAt, l)}. Unused codes become invalid after that and must be applied for again.`,
        };
  },
  // Defined below with its own table; called only after the module has loaded.
  website_access_at_risk: (d, l) => websiteAccessAtRisk(d, l),
};

const AT_RISK_REASON = {
  released: { zh: '已释放', en: 'has been released' },
  expired: { zh: '已到期', en: 'has expired' },
} as const;

const websiteAccessAtRisk: Renderer<'website_access_at_risk'> = (d, l) => {
  const r = AT_RISK_REASON[d.reason];
  return zh(l)
    ? {
        sms: `您的网站${d.domain}的接入资源${r.zh}，请续费或取消接入，详见备案管理。`,
        subject: `网站接入资源${r.zh}：${d.domain}`,
        body:
          `您的网站 ${d.domain}（${d.websiteNumber}）在本平台的接入资源（云服务器）${r.zh}，网站已无法通过本平台接入。` +
          '请续费该资源，或在其他接入商处新增接入后在本平台办理取消接入；否则需办理取消接入。' +
          '网站长期没有任何接入商接入将成为空壳网站，备案号可能被管局注销。请在“备案管理”中查看并处理。',
      }
    : {
        sms: `The server of your website ${d.domain} ${r.en}. Renew it or cancel the access; see Records.`,
        subject: `Website access at risk: ${d.domain}`,
        body:
          `The server your website ${d.domain} (${d.websiteNumber}) is accessed through here ${r.en}, so the website ` +
          'no longer has access on this platform. Renew the resource, or add access at another provider and then ' +
          'cancel the access here; otherwise cancel the access. A filed website no provider gives access to for ' +
          'long becomes a shell website, and the administration may cancel its filing number. See Records to act.',
      };
};

const FRAME = {
  'zh-CN': {
    tag: '【ICP备案】',
    hello: '您好：',
    footer: '此邮件由系统自动发送，请勿回复。您也可以在控制台“消息中心”查看本通知。',
  },
  'en-US': {
    tag: '[ICP Filing] ',
    hello: 'Hello,',
    footer: "This message was sent automatically; please do not reply. It is also in your console's inbox.",
  },
} as const;

export function renderNotification<T extends ApplicantTemplate>(
  template: T,
  locale: NotificationLocale,
  data: TemplateData[T],
): RenderedNotification {
  const parts = RENDERERS[template](data, locale);
  const f = FRAME[locale];
  return {
    sms: clampSms(`${f.tag}${parts.sms}`),
    emailSubject: `${f.tag}${parts.subject}`,
    emailText: `${f.hello}\n\n${parts.body}\n\n${f.footer}\n`,
  };
}

/**
 * Same as renderNotification, for a template and its data held as one value. The cast is needed because the
 * compiler cannot correlate `template` and `data` of a union; NotificationInput already guarantees they match.
 */
export const renderInput = (input: NotificationInput, locale: NotificationLocale): RenderedNotification =>
  renderNotification(input.template, locale, input.data as never);
