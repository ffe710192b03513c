import type { RejectionReason } from '../../contracts/filing-data.ts';

export const NOTIFICATION_LOCALES = ['zh-CN', 'en-US'] as const;
export type NotificationLocale = (typeof NOTIFICATION_LOCALES)[number];

/** What MIIT's approval handed out; only the numbers, which are public once issued. */
export type ApprovalNumbers = {
  subjectNumber?: string;
  websites: Array<{ domain: string; websiteNumber: string }>;
};

/** One SMS segment budget as the issue sets it; counted in code points so a CJK character is one. */
export const SMS_MAX_CHARS = 140;

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/**
 * `YYYY-MM-DD HH:mm` in Asia/Shanghai. China has kept UTC+8 without daylight saving since 1991, so a fixed
 * offset is exact and does not depend on the ICU data the Node build ships with.
 */
export const formatShanghai = (at: Date): string =>
  new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');

export const formatDeadline = (at: Date, l: NotificationLocale): string =>
  l === 'zh-CN' ? `${formatShanghai(at)}（北京时间）` : `${formatShanghai(at)} (Beijing time, UTC+8)`;

/** The date only, for long deadlines such as a code's expiry. */
export const formatShanghaiDate = (at: Date): string => formatShanghai(at).slice(0, 10);

/** A short subject for an SMS: one domain and how many more, so a ten-website order still fits. */
export function summariseDomains(domains: readonly string[], l: NotificationLocale): string {
  const [first] = domains;
  if (!first) return '';
  const head = first.length > 40 ? `${first.slice(0, 39)}…` : first;
  if (domains.length === 1) return head;
  return l === 'zh-CN' ? `${head}等${domains.length}个网站` : `${head} and ${domains.length - 1} more`;
}

/** Clamps to the SMS budget; the templates put the essential words first, so a cut only loses detail. */
export function clampSms(text: string): string {
  const chars = Array.from(text);
  return chars.length <= SMS_MAX_CHARS ? text : `${chars.slice(0, SMS_MAX_CHARS - 1).join('')}…`;
}

/** `websites.0.name` → `网站1` / `Website 1`; `subject.x` → `主体` / `Subject`: where the reviewer points. */
export function fieldOwner(path: string, l: NotificationLocale): string {
  const website = /^websites\.(\d+)/.exec(path);
  if (website) return l === 'zh-CN' ? `网站${Number(website[1]) + 1}` : `Website ${Number(website[1]) + 1}`;
  if (path.startsWith('subject')) return l === 'zh-CN' ? '主体' : 'Subject';
  return l === 'zh-CN' ? '备案信息' : 'Filing';
}

/** Every field-level reason with its suggestion, one numbered entry each (e-mail and inbox only). */
export function renderReasons(reasons: readonly RejectionReason[], l: NotificationLocale): string {
  if (reasons.length === 0) return l === 'zh-CN' ? '（未提供具体原因）' : '(no specific reason was given)';
  return reasons
    .map((r, i) => {
      const head = `${i + 1}. [${fieldOwner(r.field, l)} · ${r.field}] ${r.message}`;
      if (!r.suggestion) return head;
      return `${head}\n   ${l === 'zh-CN' ? '修改建议：' : 'Suggestion: '}${r.suggestion}`;
    })
    .join('\n');
}

export function renderNumbers(n: ApprovalNumbers, l: NotificationLocale): string {
  const lines: string[] = [];
  if (n.subjectNumber) lines.push(`${l === 'zh-CN' ? '主体备案号：' : 'Subject filing number: '}${n.subjectNumber}`);
  for (const w of n.websites) {
    lines.push(
      `${l === 'zh-CN' ? '网站备案号' : 'Website filing number'} (${w.domain})${l === 'zh-CN' ? '：' : ': '}${w.websiteNumber}`,
    );
  }
  return lines.join('\n');
}
