import { randomUUID } from 'node:crypto';

/**
 * Object keys are chosen by the server, never by the client (ASVS 5.3.1/5.3.2, spec A30). The pattern is
 * deliberately narrow: lower-case letters, digits, `/`, `_`, `-`. No dot means no `..`, no extension a web
 * server could act on, and no temp-file clash in the fs store (its temp names start with a dot).
 */
export const OBJECT_KEY_PATTERN = /^[a-z0-9][a-z0-9/_-]{0,199}$/;

/** Throws unless `key` is a well-formed server key. Every store calls this before touching its backend. */
export function assertObjectKey(key: string): void {
  // Empty segments (`a//b`, trailing `/`) would map to the parent directory on disk or to odd S3 keys.
  if (typeof key !== 'string' || !OBJECT_KEY_PATTERN.test(key) || key.includes('//') || key.endsWith('/')) {
    throw new Error(`invalid object key: ${JSON.stringify(String(key).slice(0, 60))}`);
  }
}

/** A fresh server-generated key such as `materials/0b5c…`, for callers that need a new object name. */
export function newObjectKey(prefix: string): string {
  const key = `${prefix}/${randomUUID()}`;
  assertObjectKey(key);
  return key;
}
