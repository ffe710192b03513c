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

// Wrapped where a validator takes an optional second argument, so that e.g. `values.map(VALIDATORS[k])`
// cannot pass an array index where a date is expected.
export const VALIDATORS: Record<ValidatorKind, (v: string) => ValidationResult<any>> = {
  'resident-id': (v) => validateResidentId(v),
  uscc: validateUscc,
  'org-code': validateOrgCode,
  'hk-macau-permit': validateHkMacauPermit,
  'taiwan-permit': validateTaiwanPermit,
  'residence-permit': (v) => validateResidencePermit(v),
  'foreign-pr-card': validateForeignPrCard,
  passport: validatePassport,
  mobile: validateMobile,
  email: validateEmail,
  domain: validateDomain,
  ip: validateIp,
  'icp-number': parseIcpNumber,
};
