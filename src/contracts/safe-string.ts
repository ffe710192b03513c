import { z } from 'zod';

/**
 * The one string schema every contract builds on. PostgreSQL refuses U+0000 in text (and a lone UTF-16 surrogate
 * cannot be encoded as UTF-8 at all), so such a string must be refused at the edge with VALIDATION_FAILED naming
 * the field, never reach the database as a 500. Other C0 controls (and DEL) have no business in a name, number
 * or address either: they hide text in logs and in the 管局's systems. Tab, line feed and carriage return are
 * allowed only in multi-line text (remarks, reasons).
 */
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

export const SAFE_TEXT_MESSAGE =
  '不得包含控制字符或无效的 Unicode 字符 / must not contain control characters or invalid Unicode';

/** One pass over the UTF-16 code units: C0 controls and DEL, and surrogate halves that are not a pair. */
export function isSafeText(value: string, { multiline = false }: { multiline?: boolean } = {}): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) {
      if (multiline && (c === TAB || c === LF || c === CR)) continue;
      return false;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = value.charCodeAt(i + 1);
      if (c > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    }
  }
  return true;
}

/** A single-line string: no C0 control character at all, no lone surrogate. Chain `.trim().max()` as usual. */
export const safeString = () => z.string().refine((s) => isSafeText(s), { error: SAFE_TEXT_MESSAGE });

/** Multi-line text (remarks, reasons): as safeString, but tab, CR and LF are allowed. */
export const safeMultilineString = () =>
  z.string().refine((s) => isSafeText(s, { multiline: true }), { error: SAFE_TEXT_MESSAGE });
