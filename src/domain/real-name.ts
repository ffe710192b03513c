import type { RealNameIdentity } from './ports/real-name-registry.ts';

/**
 * Whether a subject is the account's real-name identity (domain.md §4.1, §2.1 "one account ↔ one subject").
 * Individuals: the person's name and ID number (for an individual subject the sponsor name and the subject
 * certificate are the person's own). Units: the unit name and its 统一社会信用代码. Both sides are normalised,
 * then compared as keyed blind indexes, so neither plaintext needs to sit beside the other in memory, logs or
 * error details.
 */
export type RealNameKind = RealNameIdentity['kind'];

/** What a subject claims to be, in the registry's terms. */
export type RealNameClaim = { kind: RealNameKind; name: string; number: string };

/** Keyed HMACs of the normalised claim (see realNameKeys). */
export type RealNameKeys = { kind: RealNameKind; name: string; number: string };

export type BlindIndex = (purpose: string, value: string) => string;

export const REAL_NAME_NAME_PURPOSE = 'real-name-name';
export const REAL_NAME_NUMBER_PURPOSE = 'real-name-number';

/**
 * One spelling per name: NFKC (full-width letters and digits, full-width space), no blanks at all (a name typed
 * "张 三" is 张三; "ACME  Ltd" is "ACMELtd"), the middle dots of transliterated names (·•・‧･) as one, and the
 * full-width brackets of unit names (（）) as ASCII ones — NFKC already folds those.
 */
export function normaliseRealName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\u00B7\u2022\u2027\u30FB\uFF65\u0387\u2219]/g, '·')
    .replace(/\s+/g, '')
    .toUpperCase();
}

/** One spelling per ID number or USCC: NFKC, no blanks or hyphens, upper case (an ID ending in 'x' is 'X'). */
export function normaliseIdentityNumber(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[\s\-\u2010-\u2015]/g, '')
    .toUpperCase();
}

export type SubjectFacts = { subjectType?: string; sponsorName?: string; certificateNumber?: string };

/** The claim a subject makes; null while its type, name or certificate number is still empty (a draft). */
export function claimOfSubject(subject: SubjectFacts): RealNameClaim | null {
  const name = subject.sponsorName?.trim() ?? '';
  const number = subject.certificateNumber?.trim() ?? '';
  if (!name || !number || !subject.subjectType) return null;
  return { kind: subject.subjectType === 'individual' ? 'individual' : 'unit', name, number };
}

export const claimOfIdentity = (identity: RealNameIdentity): RealNameClaim => ({
  kind: identity.kind,
  name: identity.name,
  number: identity.kind === 'individual' ? identity.idNumber : identity.uscc,
});

export const realNameKeys = (index: BlindIndex, claim: RealNameClaim): RealNameKeys => ({
  kind: claim.kind,
  name: index(REAL_NAME_NAME_PURPOSE, normaliseRealName(claim.name)),
  number: index(REAL_NAME_NUMBER_PURPOSE, normaliseIdentityNumber(claim.number)),
});

export type RealNameMismatch = 'kind' | 'name' | 'number';

/** The parts that differ ([] when the subject is the account's identity); names the parts, never the values. */
export function compareRealNameKeys(identity: RealNameKeys, subject: RealNameKeys): RealNameMismatch[] {
  const out: RealNameMismatch[] = [];
  if (identity.kind !== subject.kind) out.push('kind');
  if (identity.name !== subject.name) out.push('name');
  if (identity.number !== subject.number) out.push('number');
  return out;
}
