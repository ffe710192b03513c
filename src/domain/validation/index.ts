/**
 * Pure identifier validation for the filing forms (security-reliability.md §3). No Node built-ins and no
 * clock: the same module runs in the browser, and time is always passed in.
 */
export { ageOn, isValidForMoreThanMonths } from './calendar.ts';
export { validatePersonId, validateSubjectCertificate } from './certificate.ts';
export { type DomainInfo, validateDomain } from './domain.ts';
export { validateEmail } from './email.ts';
export { formatIcpNumber, ICP_PROVINCE_CHARS, type IcpNumberInfo, parseIcpNumber } from './icp-number.ts';
export { isPublicIp, validateIp } from './ip.ts';
export { normalizeInput } from './normalize.ts';
export { validateOrgCode } from './org-code.ts';
export { validateHkMacauPermit, validatePassport, validateTaiwanPermit } from './permits.ts';
export { validateMobile, validatePhone } from './phone.ts';
export { VALIDATOR_KINDS, VALIDATORS, type ValidatorKind } from './registry.ts';
export { validateForeignPrCard, validateResidencePermit } from './residence-permit.ts';
export { type ResidentIdInfo, residentIdInfo, validateResidentId } from './resident-id.ts';
export type { ValidationIssue, ValidationResult } from './types.ts';
export { validateUscc } from './uscc.ts';
