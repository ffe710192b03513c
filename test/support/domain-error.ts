import { expect } from 'vitest';
import { DomainError } from '../../src/domain/errors.ts';

/** Awaits a promise that must fail with a DomainError and returns it, so a test can check code and details. */
export async function domainErrorOf(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}
