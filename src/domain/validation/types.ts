/**
 * Result shape shared by every validator. Validators never throw: callers (forms, API contracts, the
 * reviewer console) render `errors` as blocking and `warnings` as hints for a human reviewer.
 */
export type ValidationIssue = { code: string; message: string };

/**
 * `normalized` is the value to store and compare; it is only set when `valid` is true, so a caller cannot
 * persist a half-checked value by accident. `info` may also be present on a rejected value when it was
 * parsed far enough to help the user fix it (e.g. the registrable domain behind a rejected subdomain).
 */
export type ValidationResult<I = undefined> = {
  valid: boolean;
  normalized: string | null;
  errors: ValidationIssue[];
  warnings: ValidationIssue[];
  info?: I;
};

export const issue = (code: string, message: string): ValidationIssue => ({ code, message });

export const pass = <I = undefined>(
  normalized: string,
  warnings: ValidationIssue[] = [],
  info?: I,
): ValidationResult<I> =>
  info === undefined
    ? { valid: true, normalized, errors: [], warnings }
    : { valid: true, normalized, errors: [], warnings, info };

export const fail = <I = undefined>(
  errors: ValidationIssue[],
  warnings: ValidationIssue[] = [],
  info?: I,
): ValidationResult<I> =>
  info === undefined
    ? { valid: false, normalized: null, errors, warnings }
    : { valid: false, normalized: null, errors, warnings, info };

/** Finishes a validator that collected its issues in one pass. */
export const settle = <I = undefined>(
  normalized: string,
  errors: ValidationIssue[],
  warnings: ValidationIssue[] = [],
  info?: I,
): ValidationResult<I> => (errors.length === 0 ? pass(normalized, warnings, info) : fail(errors, warnings, info));
