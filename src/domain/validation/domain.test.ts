/** VAL-5: domains and IDN. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { publicSuffixList, validateDomain } from './domain.ts';
import { SECOND_LEVEL_SUFFIXES, TOP_LEVEL_DOMAINS } from './public-suffixes.ts';

const numRuns = Number(process.env.FC_RUNS ?? 2000);
// Scales with FC_RUNS so a nightly run with a million cases is not cut off by the default 5 s.
const timeout = 10_000 + numRuns * 10;
const codes = (v: string) => validateDomain(v).errors.map((e) => e.code);

describe('VAL-5 domain: accepted names', () => {
  it.each([
    ['example.com', 'example.com', 'example.com'],
    ['Example.COM', 'example.com', 'example.com'],
    ['example.com.', 'example.com', 'example.com'],
    ['中文.com', 'xn--fiq228c.com', '中文.com'],
    ['例子.中国', 'xn--fsqu00a.xn--fiqs8s', '例子.中国'],
    ['例子。中国', 'xn--fsqu00a.xn--fiqs8s', '例子.中国'],
    ['ｅｘａｍｐｌｅ．ｃｏｍ', 'example.com', 'example.com'],
    ['xn--fiq228c.com', 'xn--fiq228c.com', '中文.com'],
    ['XN--FIQ228C.COM', 'xn--fiq228c.com', '中文.com'],
    ['example.com.cn', 'example.com.cn', 'example.com.cn'],
    ['example.bj.cn', 'example.bj.cn', 'example.bj.cn'],
    ['测试.公司.cn', 'xn--0zwm56d.xn--55qx5d.cn', '测试.公司.cn'],
    ['example.公司', 'example.xn--55qx5d', 'example.公司'],
    ['example.com.hk', 'example.com.hk', 'example.com.hk'],
    ['www.cn', 'www.cn', 'www.cn'],
    ['a-b.cn', 'a-b.cn', 'a-b.cn'],
    ['123.com', '123.com', '123.com'],
    [`${'a'.repeat(63)}.com`, `${'a'.repeat(63)}.com`, `${'a'.repeat(63)}.com`],
  ])('accepts %j as %s', (input, normalized, unicode) => {
    const result = validateDomain(input);
    expect(result).toMatchObject({ valid: true, normalized, errors: [], warnings: [] });
    expect(result.info?.unicode).toBe(unicode);
  });

  it('reports registrable domain and TLD', () => {
    expect(validateDomain('例子.com.cn').info).toEqual({
      unicode: '例子.com.cn',
      registrable: 'xn--fsqu00a.com.cn',
      tld: 'cn',
    });
  });
});

describe('VAL-5 domain: www and subdomains', () => {
  it('strips a leading www. with a warning', () => {
    expect(validateDomain('www.example.com')).toMatchObject({
      valid: true,
      normalized: 'example.com',
      warnings: [{ code: 'DOMAIN_WWW_STRIPPED' }],
    });
    expect(validateDomain('WWW.例子.com.cn').normalized).toBe('xn--fsqu00a.com.cn');
  });

  it.each([
    ['blog.example.com', 'example.com'],
    ['www.blog.example.com', 'example.com'],
    ['a.b.例子.中国', '例子.中国'],
    ['shop.example.com.cn', 'example.com.cn'],
  ])('refuses the subdomain %s and suggests %s', (input, suggestion) => {
    const result = validateDomain(input);
    expect(result).toMatchObject({ valid: false, normalized: null, errors: [{ code: 'DOMAIN_NOT_REGISTRABLE' }] });
    expect(result.errors[0]?.message).toContain(suggestion);
    expect(result.info?.unicode).toBe(suggestion);
  });

  it.each(['com.cn', 'com', '公司.cn', 'gov.cn'])('refuses the bare public suffix %s', (input) => {
    expect(codes(input)).toEqual([input === 'com' ? 'DOMAIN_SINGLE_LABEL' : 'DOMAIN_IS_PUBLIC_SUFFIX']);
  });

  it('accepts an unknown TLD with a warning, treating the TLD as the suffix', () => {
    expect(validateDomain('example.unknowntld')).toMatchObject({
      valid: true,
      warnings: [{ code: 'DOMAIN_TLD_UNKNOWN' }],
    });
  });

  it('flags a label that mixes Latin and Cyrillic letters', () => {
    expect(validateDomain('\u0430pple.com').warnings.map((w) => w.code)).toEqual(['DOMAIN_MIXED_SCRIPT']);
  });
});

describe('VAL-5 domain: rejections', () => {
  it.each([
    ['', 'DOMAIN_EMPTY'],
    ['   ', 'DOMAIN_EMPTY'],
    ['http://example.com', 'DOMAIN_HAS_SCHEME'],
    ['https://example.com/', 'DOMAIN_HAS_SCHEME'],
    ['example.com/index.html', 'DOMAIN_HAS_PATH'],
    ['example.com?a=1', 'DOMAIN_HAS_PATH'],
    ['example.com:8080', 'DOMAIN_HAS_PORT'],
    ['1.2.3.4', 'DOMAIN_IP_LITERAL'],
    ['[::1]', 'DOMAIN_IP_LITERAL'],
    ['2001:db8::1', 'DOMAIN_IP_LITERAL'],
    ['0x7f.1', 'DOMAIN_IP_LITERAL'],
    ['example.123', 'DOMAIN_IP_LITERAL'],
    ['*.example.com', 'DOMAIN_WILDCARD'],
    ['user@example.com', 'DOMAIN_INVALID_CHARS'],
    ['exa mple.com', 'DOMAIN_INVALID_CHARS'],
    ['exa_mple.com', 'DOMAIN_INVALID_CHARS'],
    ['exa%41mple.com', 'DOMAIN_INVALID_CHARS'],
    ['exa\tmple.com', 'DOMAIN_INVALID_CHARS'],
    ['example..com', 'DOMAIN_EMPTY_LABEL'],
    ['.example.com', 'DOMAIN_EMPTY_LABEL'],
    ['-example.com', 'DOMAIN_HYPHEN'],
    ['example-.com', 'DOMAIN_HYPHEN'],
    ['ex--ample.com', 'DOMAIN_HYPHEN'],
    [`${'a'.repeat(64)}.com`, 'DOMAIN_LABEL_TOO_LONG'],
    [`${`${'a'.repeat(63)}.`.repeat(4)}com`, 'DOMAIN_TOO_LONG'],
    ['localhost', 'DOMAIN_SINGLE_LABEL'],
    ['xn--iñvalid.com', 'DOMAIN_IDNA_INVALID'],
    ['xn--a.com', 'DOMAIN_IDNA_INVALID'],
    ['xn--abc.com', 'DOMAIN_IDNA_INVALID'],
    ['a\u200Db.com', 'DOMAIN_IDNA_INVALID'],
    ['\u0301a.com', 'DOMAIN_IDNA_INVALID'],
  ])('rejects %j with %s', (input, code) => {
    expect(codes(input)).toEqual([code]);
  });
});

describe('VAL-5 domain: IDNA2008 code points and TLDs (issue 6)', () => {
  it.each([
    ['a©b.com'],
    ['xn--ab-tda.com'], // the same name typed as its A-label
    ['i❤.com'],
    ['xn--i-7iq.com'],
    ['≠.com'],
    ['xn--1ch.com'],
    ['a·b.com'], // middle dot outside Catalan l·l
    ['ᄀ.com'], // old Hangul jamo
    ['例子\u3001.中国'], // ideographic comma
  ])('refuses %j with DOMAIN_IDNA_DISALLOWED', (input) => {
    expect(codes(input)).toEqual(['DOMAIN_IDNA_DISALLOWED']);
  });

  it.each([
    ['l·l.com', 'xn--ll-0ea.com'], // CONTEXTO: Catalan ela geminada
    ['ア・イ.jp', 'xn--ccke4x.jp'], // CONTEXTO: katakana middle dot beside kana
    ['faß.de', 'xn--fa-hia.de'], // PVALID exception
    ['例子.中国', 'xn--fsqu00a.xn--fiqs8s'],
  ])('keeps the PVALID and allowed CONTEXTO name %j', (input, ascii) => {
    expect(validateDomain(input).normalized).toBe(ascii);
  });

  it.each(['example.l33t', 'co.c', 'example.c0m', 'example.x1', 'x.١٢'])(
    'refuses the TLD of %j: at least two letters, no digits',
    (input) => {
      expect(codes(input)).toEqual(['DOMAIN_TLD_INVALID']);
    },
  );

  it('accepts an internationalised TLD given as its A-label', () => {
    expect(validateDomain('example.xn--fiqs8s').info?.unicode).toBe('example.中国');
  });
});

// A curated subset in the spirit of Unicode IdnaTestV2 (UTS #46, non-transitional, as the WHATWG URL parser
// applies it): mapping, deviations kept, ignored characters, and labels that must fail.
describe('VAL-5 domain: UTS #46 conformance subset', () => {
  it.each([
    ['faß.de', 'xn--fa-hia.de'],
    ['straße.de', 'xn--strae-oqa.de'],
    ['Bücher.de', 'xn--bcher-kva.de'],
    ['münchen.de', 'xn--mnchen-3ya.de'],
    ['a\u0301.com', 'xn--1ca.com'], // composed by normalisation
    ['Σ.com', 'xn--4xa.com'], // case-folded
    ['a\u00ADb.com', 'ab.com'], // soft hyphen is ignored
    ['ﬁ.com', 'fi.com'], // compatibility ligature mapped
    ['日本語。ＪＰ', 'xn--wgv71a119e.jp'],
    ['\u0645\u200C\u0646.com', 'xn--hhbc709q.com'], // ZWNJ allowed after a dual-joining letter
  ])('maps %j to %s', (input, ascii) => {
    expect(validateDomain(input).normalized).toBe(ascii);
  });

  it.each([
    'a\u200Db.com',
    '\u0301a.com',
    'xn--a.com',
    'xn--.com',
    '\u{10FFFD}.com',
    '⑴.com',
    'a.xn--zz',
    '💩.la', // valid in UTS #46 without STD3 rules, DISALLOWED in IDNA2008
  ])('rejects %j', (input) => {
    expect(validateDomain(input).valid).toBe(false);
  });
});

describe('VAL-5 domain: IDN round trip', () => {
  const hanChar = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
  const ldhChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789');
  const label = fc
    .array(fc.oneof(hanChar, ldhChar), { minLength: 1, maxLength: 12 })
    .map((cs) => cs.join(''))
    .filter((l) => !/^\d+$/.test(l));
  // A label can collide with a suffix (gd + cn is the public suffix gd.cn), which is rightly refused.
  const names = fc
    .tuple(label, fc.constantFrom('com', 'cn', 'com.cn', '中国', '公司', 'net'))
    .map((p) => p.join('.'))
    .filter((name) => !SECOND_LEVEL_SUFFIXES.includes(name));

  it('U -> A -> U is stable and both spellings give the same A-label', { timeout }, () => {
    fc.assert(
      fc.property(names, (unicode) => {
        const fromUnicode = validateDomain(unicode);
        expect(fromUnicode).toMatchObject({ valid: true, info: { unicode } });
        const fromAscii = validateDomain(fromUnicode.normalized!);
        expect(fromAscii).toMatchObject({ valid: true, normalized: fromUnicode.normalized, info: { unicode } });
      }),
      { numRuns },
    );
  });

  it('converts every entry of the public-suffix table', () => {
    const list = publicSuffixList();
    expect(list).toHaveLength(TOP_LEVEL_DOMAINS.length + SECOND_LEVEL_SUFFIXES.length);
    expect(list.every((s) => /^[a-z0-9.-]+$/.test(s))).toBe(true);
  });
});
