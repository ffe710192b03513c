import { describe, expect, it } from 'vitest';
import { isPrivateAddress, refuseTargetUrl } from './webhook-target.ts';

describe('webhook targets (SSRF guard)', () => {
  it('knows private, loopback and link-local addresses from public ones', () => {
    for (const ip of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
    ]) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
    for (const ip of ['1.1.1.1', '172.32.0.1', '203.119.25.1', '2400:3200::1', '::ffff:8.8.8.8']) {
      expect(isPrivateAddress(ip), ip).toBe(false);
    }
  });

  it('in production refuses plain http, credentials and private hosts', () => {
    const prod = { requireHttps: true, allowPrivate: false };
    expect(refuseTargetUrl('http://hooks.example.com/x', prod)).toBe('https_required');
    expect(refuseTargetUrl('https://u:p@hooks.example.com/x', prod)).toBe('credentials_in_url');
    expect(refuseTargetUrl('https://127.0.0.1/x', prod)).toBe('private_address');
    expect(refuseTargetUrl('https://[::1]/x', prod)).toBe('private_address');
    expect(refuseTargetUrl('https://localhost/x', prod)).toBe('private_address');
    expect(refuseTargetUrl('ftp://hooks.example.com/x', prod)).toBe('invalid_url');
    expect(refuseTargetUrl('https://hooks.example.com/beian', prod)).toBeNull();
  });

  it('in development allows a receiver on localhost over http', () => {
    expect(refuseTargetUrl('http://127.0.0.1:4000/hook', { requireHttps: false, allowPrivate: true })).toBeNull();
  });
});
