import { describe, expect, it } from 'vitest';
import { idna2008Property, isIdna2008Label } from './idna2008.ts';

const cp = (c: string) => c.codePointAt(0)!;

describe('RFC 5892 derived property', () => {
  it.each([
    ['a', 'PVALID'],
    ['-', 'PVALID'],
    ['中', 'PVALID'],
    ['ü', 'PVALID'],
    ['\u0301', 'PVALID'], // Mn
    ['ß', 'PVALID'], // exception
    ['ς', 'PVALID'], // exception
    ['〇', 'PVALID'], // exception (Nl)
    ['·', 'CONTEXTO'],
    ['・', 'CONTEXTO'],
    ['١', 'CONTEXTO'],
    ['\u200D', 'CONTEXTJ'],
    ['A', 'DISALLOWED'], // Unstable: case folds
    ['Ａ', 'DISALLOWED'], // compatibility form
    ['ﬁ', 'DISALLOWED'],
    ['Ⅻ', 'DISALLOWED'], // Nl
    ['²', 'DISALLOWED'], // No
    ['ǅ', 'DISALLOWED'], // Lt
    ['©', 'DISALLOWED'],
    ['❤', 'DISALLOWED'],
    ['≠', 'DISALLOWED'],
    ['💩', 'DISALLOWED'],
    ['!', 'DISALLOWED'],
    ['、', 'DISALLOWED'],
    [' ', 'DISALLOWED'],
    ['\u00AD', 'DISALLOWED'], // default ignorable
    ['ـ', 'DISALLOWED'], // exception: Arabic tatweel
    ['ᄀ', 'DISALLOWED'], // old Hangul jamo
    ['\u20D0', 'DISALLOWED'], // combining marks for symbols
    ['\uFDD0', 'DISALLOWED'], // noncharacter
    ['\u0378', 'UNASSIGNED'],
  ])('%j is %s', (c, property) => {
    expect(idna2008Property(cp(c))).toBe(property);
  });
});

describe('IDNA2008 U-label check', () => {
  it.each(['example', '例子', 'bücher', 'l·l', 'ア・イ', '٠١٢', '۰۱۲', 'αβ', 'faß'])('accepts %j', (label) => {
    expect(isIdna2008Label(label)).toBe(true);
  });

  it.each([
    'a©b',
    'i❤',
    '≠',
    'a·b', // middle dot not between two l
    '・・', // katakana middle dot without kana or Han
    '٠۰', // Arabic-Indic digits mixed with extended ones
    'a\u0308', // not NFC
    'Bücher', // upper case
    'ｅｘ', // full width
  ])('refuses %j', (label) => {
    expect(isIdna2008Label(label)).toBe(false);
  });
});
