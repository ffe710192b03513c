/**
 * One normalisation step for every free-text identifier (security-reliability.md §3, ASVS 1.1.1):
 * validate and store the same canonical string, whatever keyboard or OCR produced it.
 */

const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;
const BLANK = /[\s\u200B-\u200D\u2060\uFEFF]/;

export function normalizeInput(raw: string): string {
  if (typeof raw !== 'string') return '';
  // NFKC is a no-op on printable ASCII, and trim() covers its blanks; the fast path keeps bulk checks cheap.
  if (PRINTABLE_ASCII.test(raw)) return raw.trim();
  return trimBlanks(raw.normalize('NFKC'));
}

/**
 * Zero-width spaces and joiners survive NFKC and String#trim, yet copy-paste from PDFs and chat apps adds
 * them. Scanned by hand: an end-anchored regex here backtracks quadratically on long inner runs of blanks.
 */
function trimBlanks(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && BLANK.test(s[start]!)) start++;
  while (end > start && BLANK.test(s[end - 1]!)) end--;
  return s.slice(start, end);
}

// Hyphen look-alikes that NFKC leaves alone but input methods produce (U+2010..U+2015, U+2212 minus).
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63]/g;

export const unifyDashes = (s: string): string => s.replace(DASHES, '-');

/** Certificate numbers are often typed in groups ("110105 19491231 002X"); inner blanks carry no meaning. */
export const removeBlanks = (s: string): string => s.replace(/[\s\u200B-\u200D\u2060\uFEFF]+/g, '');

/**
 * Validators cap the raw length before doing any work so a megabyte of input costs nothing; the cap is far
 * above any legitimate value of the kind.
 */
export const MAX_RAW_LENGTH = 1024;

export const isOverlong = (raw: unknown): boolean => typeof raw === 'string' && raw.length > MAX_RAW_LENGTH;

/** Normalise and fold case for identifiers whose letters are upper-case by definition. */
export const normalizeCode = (raw: string): string => removeBlanks(normalizeInput(raw)).toUpperCase();

/**
 * Resident IDs, residence permits, PR cards and USCCs have no hyphen in them, yet people type them in
 * hyphenated groups ("110105-19491231-002X") as they do with spaces: both are dropped.
 */
export const normalizeIdNumber = (raw: string): string => unifyDashes(normalizeCode(raw)).replace(/-+/g, '');
