import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.ts';
import { normalizeLookupDomain } from './lookup-public-records.ts';

describe('normalizeLookupDomain', () => {
  it.each([
    ['Example.COM', 'example.com'],
    ['www.example.com', 'example.com'],
    ['https://www.Example.com:8443/path?q=1#x', 'example.com'],
    ['example.com.', 'example.com'],
    ['例子.中国', 'xn--fsqu00a.xn--fiqs8s'],
  ])('%s → %s', (input, expected) => expect(normalizeLookupDomain(input)).toBe(expected));

  it('refuses something that is not a domain', () => {
    expect(() => normalizeLookupDomain('localhost')).toThrow(DomainError);
    expect(() => normalizeLookupDomain('a b.com')).toThrow(DomainError);
  });
});
