import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './sign-in-attempts.ts';

describe('safeReturnTo', () => {
  it('keeps paths of this site', () => {
    expect(safeReturnTo('/orders/123?tab=materials')).toBe('/orders/123?tab=materials');
    expect(safeReturnTo('/')).toBe('/');
  });
  it('refuses anything that could leave the site or loop back to sign-in', () => {
    for (const bad of [
      undefined,
      '',
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'orders',
      '/a\nb',
      '/sign-in?error=X',
      `/${'a'.repeat(600)}`,
    ]) {
      expect(safeReturnTo(bad)).toBe('/');
    }
  });
});
