import { describe, expect, it } from 'vitest';
import { isPublicIp, validateIp } from './ip.ts';

describe('IP addresses: parsing and normal form', () => {
  it.each([
    ['1.2.3.4', '1.2.3.4', 4],
    ['255.255.255.255', '255.255.255.255', 4],
    ['0.0.0.0', '0.0.0.0', 4],
    [' 8.8.8.8 ', '8.8.8.8', 4],
    ['８.８.８.８', '8.8.8.8', 4],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1', 6],
    ['2001:0db8:0000:0000:0001:0000:0000:0001', '2001:db8::1:0:0:1', 6],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1', 6], // a single zero group is not compressed
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1', 6], // the longest run wins
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1', 6], // the first of equal runs wins
    ['::', '::', 6],
    ['::1', '::1', 6],
    ['fe80::', 'fe80::', 6],
    ['::ffff:1.2.3.4', '::ffff:1.2.3.4', 6],
    ['::FFFF:0102:0304', '::ffff:1.2.3.4', 6],
    ['64:ff9b::192.0.2.33', '64:ff9b::c000:221', 6],
  ])('accepts %j as %s (IPv%d)', (input, normalized, version) => {
    expect(validateIp(input)).toMatchObject({ valid: true, normalized, info: { version } });
  });

  it.each([
    ['', 'IP_EMPTY'],
    ['01.2.3.4', 'IP_LEADING_ZERO'],
    ['1.2.3.04', 'IP_LEADING_ZERO'],
    ['256.1.1.1', 'IP_INVALID'],
    ['1.2.3', 'IP_INVALID'],
    ['1.2.3.4.5', 'IP_INVALID'],
    ['1.2.3.4/24', 'IP_INVALID'],
    ['0x7f.0.0.1', 'IP_INVALID'],
    ['1:2:3:4:5:6:7:8:9', 'IP_INVALID'],
    ['1::2::3', 'IP_INVALID'],
    ['12345::', 'IP_INVALID'],
    ['fe80::1%eth0', 'IP_INVALID'],
    ['[::1]', 'IP_INVALID'],
    ['1.2.3.4::', 'IP_INVALID'],
    ['::1.2.3', 'IP_INVALID'],
    ['::1:2:3:4:5:6:7:8', 'IP_INVALID'],
    ['example.com', 'IP_INVALID'],
  ])('rejects %j with %s', (input, code) => {
    expect(validateIp(input).errors.map((e) => e.code)).toEqual([code]);
  });
});

describe('IP addresses: public or not', () => {
  it.each([
    '1.1.1.1',
    '8.8.8.8',
    '114.114.114.114',
    '223.5.5.5',
    '100.63.255.255',
    '100.128.0.0',
    '172.15.255.255',
    '172.32.0.0',
    '192.169.0.0',
    '11.0.0.0',
    '2400:3200::1',
    '240e::1',
    '2001:4860:4860::8888',
    '2001:200::1',
  ])('%s is public', (ip) => {
    expect(isPublicIp(ip)).toBe(true);
    expect(validateIp(ip).warnings).toEqual([]);
  });

  it.each([
    '0.0.0.0',
    '10.1.2.3',
    '100.64.0.1',
    '100.127.255.255',
    '127.0.0.1',
    '169.254.1.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.0.0.8',
    '192.0.2.1',
    '192.168.1.1',
    '198.18.0.1',
    '198.51.100.7',
    '203.0.113.9',
    '224.0.0.1',
    '239.255.255.250',
    '240.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    '::ffff:8.8.8.8',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'fec0::1',
    'ff02::1',
    '2001:db8::1',
    '2001::1',
    '2002:c000:0204::1',
    '3fff::1',
    '64:ff9b::808:808',
    '100::1',
  ])('%s is not public', (ip) => {
    expect(isPublicIp(ip)).toBe(false);
    expect(validateIp(ip).warnings.map((w) => w.code)).toEqual(['IP_NOT_PUBLIC']);
  });

  it('is false for anything unparseable', () => {
    for (const junk of ['', 'abc', '1.2.3.04', '::g', '\u0000']) expect(isPublicIp(junk)).toBe(false);
  });
});
