import { ERROR_CATALOGUE } from '../../../src/contracts/error-catalogue.ts';
import { defineMessages, type Message } from '../i18n/message.ts';
import { ApiError, BAD_RESPONSE, NETWORK_ERROR } from './client.ts';

const m = defineMessages({
  network: { zh: '网络连接失败，请检查网络后重试', en: 'Could not reach the server; check your connection and retry' },
  badResponse: {
    zh: '服务器返回了无法识别的内容，请稍后重试',
    en: 'The server sent an unexpected answer; try again later',
  },
  unknown: { zh: '操作失败（{code}）', en: 'The action failed ({code})' },
  retryAfter: { zh: '请在 {seconds} 秒后重试', en: 'Try again in {seconds} s' },
});

/** The catalogue's text for any error the app meets, in both languages. */
export function errorMessage(e: unknown): { message: Message; params?: Record<string, string | number> } {
  if (e instanceof ApiError) {
    if (e.code === NETWORK_ERROR) return { message: m.network };
    if (e.code === BAD_RESPONSE) return { message: m.badResponse };
    const entry = (ERROR_CATALOGUE as Record<string, { zh: string; en: string }>)[e.code];
    if (entry) return { message: { zh: entry.zh, en: entry.en } };
    return { message: m.unknown, params: { code: e.code } };
  }
  return { message: m.unknown, params: { code: e instanceof Error ? e.message : String(e) } };
}

export const retryAfterMessage = m.retryAfter;
