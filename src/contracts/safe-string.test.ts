import { describe, expect, it } from 'vitest';
import { isSafeText, safeMultilineString, safeString } from './safe-string.ts';

describe('safe strings', () => {
  it.each([
    ['plain', 'abc'],
    ['Chinese', '北京市朝阳区'],
    ['astral (surrogate pair)', '𠀀 😀'],
    ['RTL and full-width', 'مرحبا ＡＢＣ１２３'],
    ['empty', ''],
  ])('accepts %s', (_name, value) => {
    expect(isSafeText(value)).toBe(true);
    expect(safeString().safeParse(value).success).toBe(true);
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['NUL alone', '\u0000'],
    ['bell', 'a\u0007'],
    ['escape', '\u001b[31m'],
    ['DEL', 'a\u007f'],
    ['tab', 'a\tb'],
    ['line feed', 'a\nb'],
    ['lone high surrogate', 'a\ud800b'],
    ['lone high surrogate at the end', 'a\ud83d'],
    ['lone low surrogate', '\udc00a'],
    ['reversed pair', '\ude00\ud83d'],
  ])('refuses %s in a single-line string', (_name, value) => {
    expect(isSafeText(value)).toBe(false);
    expect(safeString().trim().max(100).safeParse(value).success).toBe(false);
  });

  it('allows tab, CR and LF only in multi-line text', () => {
    expect(safeMultilineString().safeParse('line 1\r\n\tline 2').success).toBe(true);
    expect(safeMultilineString().safeParse('line 1\u0000').success).toBe(false);
    expect(safeMultilineString().safeParse('\ud800').success).toBe(false);
    expect(safeMultilineString().safeParse('\u000b').success).toBe(false);
  });

  it('names the field in the issue path', () => {
    const result = safeString().safeParse('\u0000');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/control characters/);
  });
});
