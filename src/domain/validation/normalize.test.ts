import { describe, expect, it } from 'vitest';
import { normalizeInput } from './normalize.ts';

describe('normalizeInput', () => {
  it.each([
    ['１２３ＡＢＣｘ', '123ABCx'], // full-width to ASCII, case kept
    ['  abc\t\n', 'abc'],
    ['\u3000abc\u3000', 'abc'], // ideographic space
    ['\uFEFF\u200Babc\u200D', 'abc'], // BOM and zero-width characters at the edges
    ['a b', 'a b'], // inner blanks are the validators' business
    ['ｈｔｔｐ：／／', 'http://'],
    ['ﬁ', 'fi'],
    ['', ''],
    ['plain ascii', 'plain ascii'],
  ])('%j -> %j', (raw, expected) => {
    expect(normalizeInput(raw)).toBe(expected);
  });

  it('survives lone surrogates and non-strings', () => {
    expect(normalizeInput('\uD800x')).toBe('\uD800x');
    expect(normalizeInput(undefined as never)).toBe('');
    expect(normalizeInput(42 as never)).toBe('');
  });
});
