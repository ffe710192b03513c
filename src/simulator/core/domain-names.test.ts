import { describe, expect, it } from 'vitest';
import { residentIdCheck, usccCheck } from '../seed-data.ts';
import { isPlausibleDomain, normalizeDomain, registrableDomain, suffixOf, tldOf } from './domain-names.ts';

describe('domain names', () => {
  it.each([
    ['Example.COM.', 'example.com'],
    ['www.example.com', 'example.com'],
    ['shop.example.com.cn', 'example.com.cn'],
    ['a.b.example.bj.cn', 'example.bj.cn'],
    ['例子.中国', 'xn--fsqu00a.xn--fiqs8s'],
    ['com.cn', 'com.cn'],
  ])('registrableDomain(%s) = %s', (input, expected) => {
    expect(registrableDomain(input)).toBe(expected);
  });

  it('reads suffix and TLD', () => {
    expect(suffixOf('example.com.cn')).toBe('com.cn');
    expect(tldOf('example.com.cn')).toBe('cn');
    expect(normalizeDomain(' Foo.Example.org ')).toBe('foo.example.org');
  });

  it('tells plausible domains apart', () => {
    expect(isPlausibleDomain('example.com')).toBe(true);
    expect(isPlausibleDomain('localhost')).toBe(false);
    expect(isPlausibleDomain('-bad-.com')).toBe(false);
    expect(isPlausibleDomain(registrableDomain('not a domain'))).toBe(false);
  });
});

describe('seed check characters', () => {
  it('match the published vectors', () => {
    expect(usccCheck('91110000600037341')).toBe('L');
    expect(residentIdCheck('11010519491231002')).toBe('X');
  });
});
