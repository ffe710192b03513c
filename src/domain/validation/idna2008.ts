/**
 * IDNA2008 code-point rules for U-labels (RFC 5891 §5.4, RFC 5892). The WHATWG URL parser applies UTS #46
 * with UseSTD3ASCIIRules off, which keeps symbols IDNA2008 disallows (`©`, `❤`, `≠`, `💩`): browsers resolve
 * them, registries for .cn, .com and the MIIT system do not register them. This module closes that gap.
 *
 * What it computes, per code point, is RFC 5892's derived property from the runtime's Unicode data:
 * - Exceptions (§2.6) first, then BackwardCompatible (empty today).
 * - Unassigned, LDH, JoinControl (CONTEXTJ), OldHangulJamo, Unstable, IgnorableProperties, IgnorableBlocks
 *   (§2.1 to §2.9); LetterDigits (Ll Lu Lo Nd Lm Mn Mc) is PVALID, everything else DISALLOWED, so symbols
 *   (S*), punctuation (P*), separators, Lt, Nl, No, Me and controls are refused.
 * - CONTEXTO rules of Appendix A.3 to A.9 (middle dot, Greek keraia, Hebrew geresh and gershayim, katakana
 *   middle dot, Arabic-Indic digit mixing).
 * Approximations, stated so nobody relies on more:
 * - "Unstable" uses NFKC(toLowerCase(NFKC(cp))) where RFC 5892 uses full case folding; the two differ for a
 *   handful of code points (e.g. Cherokee small letters), which the URL parser's own mapping and the
 *   canonical round trip in hostname.ts refuse anyway.
 * - CONTEXTJ (ZWNJ/ZWJ, Appendix A.1/A.2) and the Bidi rule (RFC 5893) need Canonical_Combining_Class,
 *   Joining_Type and Bidi_Class, which JavaScript regexes do not expose; they are left to the URL parser,
 *   which applies CheckJoiners and CheckBidi (WHATWG URL) to every name hostname.ts accepts.
 */

const PVALID_EXCEPTIONS = new Set([0x00df, 0x03c2, 0x06fd, 0x06fe, 0x0f0b, 0x3007]);
const CONTEXTO_EXCEPTIONS = new Set([0x00b7, 0x0375, 0x05f3, 0x05f4, 0x30fb]);
const DISALLOWED_EXCEPTIONS = new Set([0x0640, 0x07fa, 0x302e, 0x302f, 0x3031, 0x3032, 0x3033, 0x3034, 0x3035, 0x303b]);
const ARABIC_INDIC_DIGITS = [0x0660, 0x0669] as const;
const EXTENDED_ARABIC_INDIC_DIGITS = [0x06f0, 0x06f9] as const;
const ZWNJ = 0x200c;
const ZWJ = 0x200d;

const LETTER_DIGIT = /^[\p{Ll}\p{Lu}\p{Lo}\p{Nd}\p{Lm}\p{Mn}\p{Mc}]$/u;
const IGNORABLE = /^[\p{Default_Ignorable_Code_Point}\p{Noncharacter_Code_Point}]$/u;
const NONCHARACTER = /^\p{Noncharacter_Code_Point}$/u;
const UNASSIGNED = /^\p{Cn}$/u;
const GREEK = /^\p{Script=Greek}$/u;
const HEBREW = /^\p{Script=Hebrew}$/u;
const KANA_OR_HAN = /^[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]$/u;

const inRange = (cp: number, [lo, hi]: readonly [number, number]): boolean => cp >= lo && cp <= hi;

// Old Hangul Jamo (§2.5) by block: every Hangul_Syllable_Type L, V or T code point lies in these blocks.
const isOldHangulJamo = (cp: number): boolean =>
  inRange(cp, [0x1100, 0x11ff]) || inRange(cp, [0xa960, 0xa97f]) || inRange(cp, [0xd7b0, 0xd7ff]);

// Combining Diacritical Marks for Symbols, Musical Symbols, Ancient Greek Musical Notation (§2.8).
const inIgnorableBlock = (cp: number): boolean =>
  inRange(cp, [0x20d0, 0x20ff]) || inRange(cp, [0x1d100, 0x1d1ff]) || inRange(cp, [0x1d200, 0x1d24f]);

const isUnstable = (ch: string): boolean => ch.normalize('NFKC').toLowerCase().normalize('NFKC') !== ch;

export type Idna2008Property = 'PVALID' | 'CONTEXTJ' | 'CONTEXTO' | 'DISALLOWED' | 'UNASSIGNED';

/** RFC 5892 §3 derived property of one code point (see the approximations above). */
export function idna2008Property(cp: number): Idna2008Property {
  if (PVALID_EXCEPTIONS.has(cp)) return 'PVALID';
  if (CONTEXTO_EXCEPTIONS.has(cp)) return 'CONTEXTO';
  if (DISALLOWED_EXCEPTIONS.has(cp)) return 'DISALLOWED';
  const ch = String.fromCodePoint(cp);
  if (UNASSIGNED.test(ch) && !NONCHARACTER.test(ch)) return 'UNASSIGNED';
  if (cp === 0x2d || (cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a)) return 'PVALID';
  if (cp === ZWNJ || cp === ZWJ) return 'CONTEXTJ';
  if (isUnstable(ch) || IGNORABLE.test(ch) || isOldHangulJamo(cp) || inIgnorableBlock(cp)) return 'DISALLOWED';
  if (inRange(cp, ARABIC_INDIC_DIGITS) || inRange(cp, EXTENDED_ARABIC_INDIC_DIGITS)) return 'CONTEXTO';
  return LETTER_DIGIT.test(ch) ? 'PVALID' : 'DISALLOWED';
}

/** Appendix A.3 to A.9: whether a CONTEXTO code point at `i` is allowed in `cps`. */
function contextoAllows(cps: number[], i: number): boolean {
  const cp = cps[i]!;
  const before = cps[i - 1];
  const after = cps[i + 1];
  const char = (c: number | undefined) => (c === undefined ? '' : String.fromCodePoint(c));
  switch (cp) {
    case 0x00b7: // Catalan l·l
      return before === 0x6c && after === 0x6c;
    case 0x0375:
      return GREEK.test(char(after));
    case 0x05f3:
    case 0x05f4:
      return HEBREW.test(char(before));
    case 0x30fb:
      return cps.some((c) => c !== 0x30fb && KANA_OR_HAN.test(char(c)));
    default:
      if (inRange(cp, ARABIC_INDIC_DIGITS)) return !cps.some((c) => inRange(c, EXTENDED_ARABIC_INDIC_DIGITS));
      return !cps.some((c) => inRange(c, ARABIC_INDIC_DIGITS));
  }
}

const ASCII_LDH = /^[a-z0-9-]*$/;

/**
 * Whether a U-label (already decoded from its A-label, lower case) is valid under IDNA2008: NFC, every
 * code point PVALID or CONTEXTO in an allowed context, CONTEXTJ left to the URL parser's CheckJoiners.
 */
export function isIdna2008Label(label: string): boolean {
  if (ASCII_LDH.test(label)) return true;
  if (label.normalize('NFC') !== label) return false;
  const cps = Array.from(label, (c) => c.codePointAt(0)!);
  return cps.every((cp, i) => {
    const property = idna2008Property(cp);
    return property === 'PVALID' || property === 'CONTEXTJ' || (property === 'CONTEXTO' && contextoAllows(cps, i));
  });
}
