/**
 * A visible string in both languages, side by side where it is used: a message without its English (or Chinese)
 * text does not compile. `{name}` placeholders must match in both (checked by i18n/messages.test.ts).
 */
export type Message = { readonly zh: string; readonly en: string };
export type Locale = 'zh-CN' | 'en-US';

export const defineMessages = <const T extends Record<string, Message>>(messages: T): T => messages;

export type Bilingual = { zhCN: string; enUS: string };

export function format(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

export const pick = (m: Message, locale: Locale, params?: Record<string, string | number>): string =>
  format(locale === 'zh-CN' ? m.zh : m.en, params);

/** Server texts arrive as {zhCN, enUS}. */
export const fromServer = (b: Bilingual): Message => ({ zh: b.zhCN, en: b.enUS });
