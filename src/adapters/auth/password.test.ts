import { parseOptions } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.ts';
import { DEMO_ACCOUNTS, SUB_ACCOUNT } from '../../seed/demo.ts';
import { COMMON_PASSWORDS } from './common-passwords.ts';
import {
  assertPasswordPolicy,
  hashPassword,
  passwordProblem,
  verifyDummyPassword,
  verifyPassword,
} from './password.ts';

const pw = (n: number, ch = 'k') => `Xy7${ch.repeat(n - 3)}`;

describe('password policy', () => {
  it('issue-6.12 refuses a password equal to the e-mail (any case), all-whitespace, or a published demo one', () => {
    const email = 'Zhang.San@Example.com';
    expect(passwordProblem('zhang.san@example.COM', { email })).toBe('equals_email');
    expect(passwordProblem('zhang.san@example.com', { email: 'other@example.com' })).toBeNull();
    expect(passwordProblem(' '.repeat(12))).toBe('blank');
    expect(passwordProblem(`${'\u3000'.repeat(6)}\t\n \u00a0  `)).toBe('blank');
    for (const a of [...DEMO_ACCOUNTS, SUB_ACCOUNT]) {
      expect(passwordProblem(a.password)).toBe('published');
      expect(passwordProblem(a.password.toUpperCase())).toBe('published');
      expect(passwordProblem(a.password, { allowPublished: true })).toBeNull();
    }
    expect(() => assertPasswordPolicy(email.toLowerCase(), { email })).toThrow(DomainError);
  });

  it('asvs-6.2.1 refuses 7 and 11 characters, accepts 12 (project minimum)', () => {
    expect(passwordProblem('Tr0ub4d')).toBe('too_short');
    expect(passwordProblem(pw(11))).toBe('too_short');
    expect(passwordProblem(pw(12))).toBeNull();
  });

  it('asvs-6.2.9 accepts 64 and 128 characters and refuses 129', () => {
    expect(passwordProblem(pw(64))).toBeNull();
    expect(passwordProblem(pw(128))).toBeNull();
    expect(passwordProblem(pw(129))).toBe('too_long');
  });

  it('counts characters, not UTF-16 units or bytes', () => {
    expect(passwordProblem('密码🔐'.repeat(4))).toBeNull(); // 12 characters, 16 UTF-16 units
    expect(passwordProblem('密码🔐'.repeat(3))).toBe('too_short');
  });

  it('asvs-6.2.4 refuses common passwords whatever their case', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(500);
    for (const p of [
      'password1234',
      'PASSWORD1234',
      '1qaz2wsx3edc',
      'woaini1314520',
      '123456789012',
      'QwertyUiop123',
    ]) {
      expect(passwordProblem(p), p).toBe('common');
    }
  });

  it('asvs-6.2.4 common list is lower-case without whitespace', () => {
    for (const p of COMMON_PASSWORDS) expect(p).toBe(p.toLowerCase().trim());
  });

  it('assertPasswordPolicy throws AUTH_WEAK_PASSWORD with the reason', () => {
    expect.assertions(3);
    try {
      assertPasswordPolicy('short');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('AUTH_WEAK_PASSWORD');
      expect((e as DomainError).details).toMatchObject({ reason: 'too_short' });
    }
  });
});

describe('password hashing', () => {
  it('asvs-11.4.2 hashes with argon2id m=19456 t=2 p=1 and a random salt', async () => {
    const a = await hashPassword(pw(20));
    const b = await hashPassword(pw(20));
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(parseOptions(a)).toMatchObject({ memoryCost: 19456, timeCost: 2, parallelism: 1, saltLen: 16 });
  });

  it('asvs-6.2.9 verifies 64- and 128-character passwords exactly (no truncation)', async () => {
    for (const length of [64, 128]) {
      const password = pw(length, 'q');
      const stored = await hashPassword(password);
      expect(await verifyPassword(stored, password)).toBe(true);
      expect(await verifyPassword(stored, `${password.slice(0, -1)}r`)).toBe(false);
      expect(await verifyPassword(stored, password.slice(0, -1))).toBe(false);
    }
  });

  it('verifyPassword is false for a malformed stored hash; the dummy check is always false', async () => {
    expect(await verifyPassword('not-a-hash', 'whatever-password')).toBe(false);
    expect(await verifyDummyPassword('whatever-password')).toBe(false);
  });
});
