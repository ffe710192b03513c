import type { DraftSubject, DraftWebsite, OrderData, Person } from '../../contracts/filing-data.ts';
import { PERSON_ID_TYPES } from '../filing-data.ts';

/**
 * Server-side masking of personal data (PI-2, GB/T 35273 §7.2 de-identification on display). Every response
 * masks unless the caller uses an audited reveal. Pure and dependency-free so the browser can use the same
 * formats for preview. Characters are counted as code points so a CJK extension character is one character.
 */
const chars = (value: string): string[] => Array.from(value);
const stars = (n: number): string => '*'.repeat(Math.max(n, 0));

/** Keeps `head` leading and `tail` trailing characters; short values keep less so most of them stays hidden. */
const keepEnds = (value: string, head: number, tail: number): string => {
  const c = chars(value);
  if (c.length === 0) return '';
  if (c.length > head + tail)
    return c.slice(0, head).join('') + stars(c.length - head - tail) + c.slice(-tail).join('');
  if (c.length >= 3) return c[0] + stars(c.length - 2) + c[c.length - 1];
  return stars(c.length);
};

/** `110105194912310021` → `110***********0021`: first 3 and last 4 kept, as on Chinese government portals. */
export const maskIdNumber = (value: string): string => keepEnds(value.trim(), 3, 4);

/** `13812345678` → `138****5678`. */
export const maskMobile = (value: string): string => keepEnds(value.trim(), 3, 4);

/** `张三` → `张*`, `欧阳修` → `欧**`: only the first character of a name stays. */
export const maskName = (value: string): string => {
  const c = chars(value.trim());
  if (c.length <= 1) return stars(c.length);
  return c[0] + stars(c.length - 1);
};

/** `zhang@example.com` → `z***@example.com`. The domain is kept because it is rarely personal. */
export const maskEmail = (value: string): string => {
  const v = value.trim();
  const at = v.lastIndexOf('@');
  if (at <= 0) return stars(3);
  return `${chars(v)[0]}***${v.slice(at)}`;
};

const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;
const LANDLINE = /^(0(?:[12]\d|\d{3}))([-\s]?)(\d{5,8})(.*)$/;

/**
 * A phone that may be a mobile or a landline. Landlines keep the area code (public, says where) and the last
 * 4 digits: `010-12345678` → `010-****5678`, `0755-1234567-801` → `0755-***4567` (the extension goes too).
 */
export const maskPhone = (value: string): string => {
  const v = value.trim();
  const compact = v.replace(/[\s-]/g, '');
  if (MOBILE.test(compact)) return maskMobile(compact.replace(/^\+?86/, ''));
  // Mainland area codes: 010 and 02x have 3 digits, all others 4.
  const m = LANDLINE.exec(v);
  if (m) return `${m[1]}${m[2]}${stars(m[3]!.length - 4)}${m[3]!.slice(-4)}`;
  const c = chars(v);
  return c.length > 4 ? stars(c.length - 4) + c.slice(-4).join('') : stars(c.length);
};

/*
 * An address is kept down to the county level (区/县/旗/county-level 市), e.g.
 * `北京市海淀区中关村大街27号` → `北京市海淀区***`. Names may not contain level suffixes or street words, so
 * a street or a residential compound (xx小区, xx路) is never mistaken for a district. Anything that does not
 * parse is masked whole: hiding too much is the safe failure.
 */
const EXCLUDED = '省市区县旗盟路街号巷弄\\d\\s';
const NAME = `[^${EXCLUDED}]`;
/** Town and village words end a district name too, so `xx镇农贸市场` is not read as a county-level city. */
const DISTRICT_NAME = `[^${EXCLUDED}镇乡村]`;
const ADDRESS_PREFIX = new RegExp(
  `^(?:${NAME}{1,8}?(?:省|自治区|特别行政区)|北京市|天津市|上海市|重庆市)?` +
    `(?:${NAME}{1,10}?(?:市|自治州|地区|盟))?` +
    `(?:${DISTRICT_NAME}{1,10}?(?:区|县|旗|市))?`,
);

export const maskAddress = (value: string): string => {
  const v = value.trim();
  const kept = ADDRESS_PREFIX.exec(v)?.[0] ?? '';
  if (kept.length === v.length) return v;
  return `${kept}***`;
};

/** Masks the listed string fields that are present; absent fields stay absent. */
const maskFields = <T extends object>(value: T, maskers: { [K in keyof T]?: (s: string) => string }): T => {
  const out = { ...value } as Record<string, unknown>;
  for (const [key, mask] of Object.entries(maskers) as Array<[string, (s: string) => string]>) {
    if (typeof out[key] === 'string') out[key] = mask(out[key]);
  }
  return out as T;
};

export const maskPerson = <P extends Partial<Person>>(p: P): P =>
  maskFields<Partial<Person>>(p, {
    name: maskName,
    idNumber: maskIdNumber,
    mobile: maskMobile,
    emergencyPhone: maskPhone,
    officePhone: maskPhone,
    email: maskEmail,
  }) as P;

const PERSON_ID_TYPE_SET: ReadonlySet<string> = new Set(PERSON_ID_TYPES);

/**
 * A unit's name and USCC are public (they are printed on the licence and shown by MIIT's lookup); an
 * individual's are personal data. A draft that says neither is treated as an individual.
 */
const isIndividual = (s: DraftSubject): boolean =>
  s.subjectType === 'individual' ||
  (s.subjectType === undefined && (s.certificateType === undefined || PERSON_ID_TYPE_SET.has(s.certificateType)));

export const maskSubject = <S extends DraftSubject>(s: S): S => {
  const individual = isIndividual(s);
  const masked = maskFields<DraftSubject>(s, {
    certificateAddress: maskAddress,
    mailingAddress: maskAddress,
    ...(individual ? { sponsorName: maskName, certificateNumber: maskIdNumber } : {}),
  });
  if (s.responsiblePerson) masked.responsiblePerson = maskPerson(s.responsiblePerson);
  return masked as S;
};

export const maskWebsite = <W extends DraftWebsite>(w: W): W =>
  w.responsiblePerson ? { ...w, responsiblePerson: maskPerson(w.responsiblePerson) } : { ...w };

export const maskOrderData = (d: OrderData): OrderData => ({
  ...d,
  ...(d.subject ? { subject: maskSubject(d.subject) } : {}),
  websites: d.websites.map(maskWebsite),
});

const PERSON_PI_FIELDS = ['name', 'idNumber', 'mobile', 'emergencyPhone', 'officePhone', 'email'] as const;
const SUBJECT_PI_FIELDS = ['sponsorName', 'certificateNumber', 'certificateAddress', 'mailingAddress'] as const;
const PERSON_PATH = new RegExp(
  `^(subject|websites\\.(\\d{1,2}))\\.responsiblePerson\\.(${PERSON_PI_FIELDS.join('|')})$`,
);
const SUBJECT_PATH = new RegExp(`^subject\\.(${SUBJECT_PI_FIELDS.join('|')})$`);

/** Whether `path` names a personal-data field that the reveal action may unmask. */
export const isRevealablePath = (path: string): boolean => PERSON_PATH.test(path) || SUBJECT_PATH.test(path);

/**
 * The unmasked value at a PI path such as `subject.responsiblePerson.idNumber` or
 * `websites.0.responsiblePerson.mobile`. Any other path gives undefined, so a reveal endpoint built on this
 * cannot be used to read arbitrary fields. The caller checks the permission and writes the audit record.
 */
export const revealField = (data: OrderData, path: string): string | undefined => {
  const subjectField = SUBJECT_PATH.exec(path);
  if (subjectField) return data.subject?.[subjectField[1] as (typeof SUBJECT_PI_FIELDS)[number]];
  const personField = PERSON_PATH.exec(path);
  if (!personField) return undefined;
  const [, owner, websiteIndex, field] = personField;
  const person =
    owner === 'subject' ? data.subject?.responsiblePerson : data.websites[Number(websiteIndex)]?.responsiblePerson;
  return person?.[field as (typeof PERSON_PI_FIELDS)[number]];
};
