/** Validators by kind, for generic callers (form field specs, the CLI, fuzzing) that pick one by name. */
import { validateDomain } from './domain.ts';
import { validateEmail } from './email.ts';
import { parseIcpNumber } from './icp-number.ts';
import { validateIp } from './ip.ts';
import { validateOrgCode } from './org-code.ts';
import { validateHkMacauPermit, validatePassport, validateTaiwanPermit } from './permits.ts';
import { validateMobile } from './phone.ts';
import { validateForeignPrCard, validateResidencePermit } from './residence-permit.ts';
import { validateResidentId } from './resident-id.ts';
import type { ValidationResult } from './types.ts';
import { validateUscc } from './uscc.ts';

export const VALIDATOR_KINDS = [
  'resident-id',
  'uscc',
  'org-code',
  'hk-macau-permit',
  'taiwan-permit',
  'residence-permit',
  'foreign-pr-card',
  'passport',
  'mobile',
  'email',
  'domain',
  'ip',
  'icp-number',
] as const;
export type ValidatorKind = (typeof VALIDATOR_KINDS)[number];

/**
 * Every entry takes today's date, required, so a generic caller (the CLI's `validate`) cannot leave the
 * birth-date bound out; validators that need no date ignore it. Each is wrapped so that e.g.
 * `values.map((v) => VALIDATORS[k](v, now))` is the only way to call it, never with an array index.
 */
export const VALIDATORS: Record<ValidatorKind, (v: string, today: Date) => ValidationResult<any>> = {
  'resident-id': (v, today) => validateResidentId(v, today),
  uscc: (v) => validateUscc(v),
  'org-code': (v) => validateOrgCode(v),
  'hk-macau-permit': (v) => validateHkMacauPermit(v),
  'taiwan-permit': (v) => validateTaiwanPermit(v),
  'residence-permit': (v, today) => validateResidencePermit(v, today),
  'foreign-pr-card': (v) => validateForeignPrCard(v),
  passport: (v) => validatePassport(v),
  mobile: (v) => validateMobile(v),
  email: (v) => validateEmail(v),
  domain: (v) => validateDomain(v),
  ip: (v) => validateIp(v),
  'icp-number': (v) => parseIcpNumber(v),
};
