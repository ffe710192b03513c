import { randomBytes } from 'node:crypto';
import { hash, type Options, verify } from '@node-rs/argon2';
import { DomainError } from '../../domain/errors.ts';
import { COMMON_PASSWORDS } from './common-passwords.ts';
import { PUBLISHED_DEMO_PASSWORDS } from './published-passwords.ts';

/**
 * Argon2id with OWASP's first recommended parameter set (19 MiB, 2 passes, 1 lane). The library's default
 * algorithm is Argon2id; the const enum cannot be referenced under isolatedModules, and the test checks the
 * `$argon2id$` prefix of real hashes.
 */
export const ARGON2_OPTIONS: Options = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** ASVS 6.2.1 asks for 8; the project requires 12 (A1). 128 is a DoS guard, not a truncation (6.2.9). */
export const PASSWORD_MIN_CHARS = 12;
export const PASSWORD_MAX_CHARS = 128;

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'blank' | 'equals_email' | 'published';

export type PasswordContext = {
  /** The account's e-mail address: a password equal to it (in any case) is refused. */
  email?: string;
  /** Only the development seed sets this, for the demo accounts whose passwords are published on purpose. */
  allowPublished?: boolean;
};

/** Why a password is refused, or null. Characters are code points, so an emoji counts once. */
export const passwordProblem = (password: string, context: PasswordContext = {}): PasswordProblem | null => {
  const length = Array.from(password).length;
  if (length < PASSWORD_MIN_CHARS) return 'too_short';
  if (length > PASSWORD_MAX_CHARS) return 'too_long';
  // Unicode whitespace too (ideographic space, NBSP): twelve of them are no secret.
  if (password.trim() === '') return 'blank';
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 'common';
  if (context.email !== undefined && lower.trim() === context.email.trim().toLowerCase()) return 'equals_email';
  if (!context.allowPublished && PUBLISHED_DEMO_PASSWORDS.has(lower)) return 'published';
  return null;
};

/** Throws AUTH_WEAK_PASSWORD naming the rule, so the form can say what to change. */
export const assertPasswordPolicy = (password: string, context: PasswordContext = {}): void => {
  const problem = passwordProblem(password, context);
  if (problem) {
    throw new DomainError('AUTH_WEAK_PASSWORD', {
      details: { reason: problem, minLength: PASSWORD_MIN_CHARS, maxLength: PASSWORD_MAX_CHARS },
    });
  }
};

/** The whole password is hashed: no pre-hash, no truncation (ASVS 6.2.9). */
export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2_OPTIONS);

/**
 * What password_hash holds for accounts of an identity provider (OIDC, WeChat): not an argon2 hash, so
 * verifyPassword is false for every password and local sign-in can never succeed for them.
 */
export const NO_LOCAL_PASSWORD = '!no-local-password';

/** False for a wrong password and for a stored value that is not an argon2 hash. */
export const verifyPassword = async (storedHash: string, password: string): Promise<boolean> => {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
};

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as checking a real password, for logins of unknown e-mails, so response time does not
 * tell whether an account exists (ASVS 6.3.8). The hash is made once per process from random bytes.
 */
export const verifyDummyPassword = async (password: string): Promise<false> => {
  dummyHash ??= hashPassword(randomBytes(16).toString('base64'));
  await verifyPassword(await dummyHash, password);
  return false;
};
