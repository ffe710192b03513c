import type { ChangeScope, DraftSubject, DraftWebsite } from '../../contracts/filing-data.ts';
import type { SubjectType } from '../filing-data.ts';
import type { FilingType } from '../filing-type.ts';
import {
  carriesSubjectData,
  carriesWebsiteData,
  effectiveChangeScope,
  type ProvinceRulePack,
  rulePackFor,
} from '../province/rule-engine.ts';
import type { Bilingual } from '../province/rules/types.ts';
import { ageOn, normalizeInput, residentIdInfo, validateMobile, validatePhone } from '../validation/index.ts';
import type { Finding, PrecheckInput, Severity } from './types.ts';

export type DraftPerson = NonNullable<DraftSubject['responsiblePerson']>;

/** A responsible person carried by the order, with the JSON path findings point at. */
export type PersonRef = { path: string; person: DraftPerson; role: 'subject' | 'website'; websiteIndex?: number };

/** Everything the checks share, derived once from the input so each check stays a short pure function. */
export type Ctx = {
  input: PrecheckInput;
  type: FilingType;
  now: Date;
  /** Undefined while the province is unknown: province rules and materials are skipped, completeness says why. */
  pack: ProvinceRulePack | undefined;
  /** The subject as the order will leave it: the order's data, else the one on file. */
  subject: DraftSubject | undefined;
  subjectType: SubjectType | undefined;
  subjectInOrder: boolean;
  websitesInOrder: boolean;
  changeScope: ChangeScope | undefined;
  websites: DraftWebsite[];
  /** Responsible persons whose data the order submits (and so are checked). */
  persons: PersonRef[];
  subjectResponsible: DraftPerson | undefined;
  findings: Finding[];
};

export const t = (zhCN: string, enUS: string): Bilingual => ({ zhCN, enUS });

export function buildContext(input: PrecheckInput): Ctx {
  const { type, data } = input;
  const changeScope = type === 'change_subject' ? effectiveChangeScope(data.changeScope) : data.changeScope;
  const subjectInOrder = carriesSubjectData(type, changeScope);
  const websitesInOrder = carriesWebsiteData(type, changeScope);
  const subject: DraftSubject | undefined = subjectInOrder
    ? (data.subject ?? input.existing?.subject)
    : (input.existing?.subject ?? data.subject);
  const province = subject?.province ?? input.existing?.subject?.province;
  const websites = data.websites ?? [];
  const persons: PersonRef[] = [];
  if (subjectInOrder && data.subject?.responsiblePerson) {
    persons.push({ path: 'subject.responsiblePerson', person: data.subject.responsiblePerson, role: 'subject' });
  }
  if (websitesInOrder) {
    websites.forEach((w, i) => {
      if (w.responsiblePerson) {
        persons.push({
          path: `websites.${i}.responsiblePerson`,
          person: w.responsiblePerson,
          role: 'website',
          websiteIndex: i,
        });
      }
    });
  }
  return {
    input,
    type,
    now: input.now,
    pack: province ? rulePackFor(province) : undefined,
    subject,
    subjectType: subject?.subjectType,
    subjectInOrder,
    websitesInOrder,
    changeScope,
    websites,
    persons,
    subjectResponsible: subject?.responsiblePerson,
    findings: [],
  };
}

export const report = (
  ctx: Ctx,
  ruleId: string,
  severity: Severity,
  field: string,
  message: Bilingual,
  fix: Bilingual,
) => {
  ctx.findings.push({ ruleId, severity, field, message, fix });
};

export const isUnit = (ctx: Ctx): boolean => ctx.subjectType !== undefined && ctx.subjectType !== 'individual';
export const isIndividualSubject = (ctx: Ctx): boolean => ctx.subjectType === 'individual';

/**
 * Comparable form of a certificate number: NFKC, no blanks, no hyphens (people group digits with either),
 * upper case.
 */
export const idKey = (v: string | undefined): string =>
  v === undefined
    ? ''
    : normalizeInput(v)
        .replace(/[\s\u2010-\u2015\u2212\uFE58\uFE63-]+/g, '')
        .toUpperCase();

/** Comparable form of a phone: the validator's normalised value, else its digits. */
export const phoneKey = (v: string | undefined): string => {
  if (!v) return '';
  return validateMobile(v).normalized ?? validatePhone(v).normalized ?? v.replace(/\D/g, '');
};

/** Age in completed years from a resident ID or residence permit (same layout); undefined when not derivable. */
export function personAge(person: DraftPerson, now: Date): number | undefined {
  if (!person.idNumber || (person.idType !== 'resident_id' && person.idType !== 'residence_permit')) return undefined;
  const info = residentIdInfo(person.idNumber, now);
  if (!info) return undefined;
  const age = ageOn(info.birthDate, now);
  return Number.isNaN(age) ? undefined : age;
}

/**
 * Foreign national: a foreign permanent-residence card, or a passport not marked Chinese. A Chinese citizen
 * files with the resident ID, so an unmarked passport is treated as foreign.
 */
export const isForeignNational = (idType: string | undefined, nationality?: string): boolean =>
  idType === 'foreign_pr_card' || (idType === 'passport' && nationality !== 'CHN');
