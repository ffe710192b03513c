/** VAL-6: ICP filing numbers. */
import { describe, expect, it } from 'vitest';
import { formatIcpNumber, ICP_PROVINCE_CHARS, parseIcpNumber } from './icp-number.ts';

const codes = (v: string) => parseIcpNumber(v).errors.map((e) => e.code);

describe('VAL-6 ICP number: accepted forms', () => {
  it.each([
    ['浙ICP备2020042582号', { prefix: '浙', serial: '2020042582', kind: 'subject' }],
    ['苏ICP备20030191号', { prefix: '苏', serial: '20030191', kind: 'subject' }],
    ['陕ICP备2023001571号-1', { prefix: '陕', serial: '2023001571', websiteSuffix: 1, kind: 'website' }],
    ['京ICP备04000001号', { prefix: '京', serial: '04000001', kind: 'subject' }],
    ['京ICP备2021012345号', { prefix: '京', serial: '2021012345', kind: 'subject' }],
    ['蜀ICP备12345678号-9999', { prefix: '蜀', serial: '12345678', websiteSuffix: 9999, kind: 'website' }],
  ])('parses %s', (input, info) => {
    expect(parseIcpNumber(input)).toEqual({ valid: true, normalized: input, errors: [], warnings: [], info });
  });

  it.each(['川', '蜀', '甘', '陇', '贵', '黔', '云', '滇'])('accepts the province character %s', (p) => {
    expect(parseIcpNumber(`${p}ICP备12345678号`).valid).toBe(true);
  });

  it('accepts every allowlisted province character and only those', () => {
    expect(ICP_PROVINCE_CHARS).toHaveLength(35);
    for (const p of ICP_PROVINCE_CHARS) expect(parseIcpNumber(`${p}ICP备12345678号`).valid, p).toBe(true);
  });

  it.each([
    ['京icp备12345678号', '京ICP备12345678号'],
    [' 京 ICP 备 12345678 号 - 2 ', '京ICP备12345678号-2'],
    ['京ＩＣＰ备１２３４５６７８号－３', '京ICP备12345678号-3'],
    ['京ICP备12345678号—4', '京ICP备12345678号-4'],
  ])('normalises %j to %s', (input, normalized) => {
    expect(parseIcpNumber(input).normalized).toBe(normalized);
  });

  it('formats what it parses', () => {
    for (const n of ['浙ICP备2020042582号', '陕ICP备2023001571号-12']) {
      expect(formatIcpNumber(parseIcpNumber(n).info!)).toBe(n);
    }
    expect(formatIcpNumber({ prefix: '粤', serial: '2024000001', websiteSuffix: 3 })).toBe('粤ICP备2024000001号-3');
  });
});

describe('VAL-6 ICP number: rejections', () => {
  it.each([
    ['', 'ICP_NUMBER_EMPTY'],
    ['港ICP备12345678号', 'ICP_NUMBER_PROVINCE'],
    ['中ICP备12345678号', 'ICP_NUMBER_PROVINCE'],
    ['AICP备12345678号', 'ICP_NUMBER_PROVINCE'],
    ['ICP备12345678号', 'ICP_NUMBER_PROVINCE'],
    ['京ICP备1234567号', 'ICP_NUMBER_SERIAL'],
    ['京ICP备123456789号', 'ICP_NUMBER_SERIAL'],
    ['京ICP备12345678901号', 'ICP_NUMBER_SERIAL'],
    ['京ICP备号', 'ICP_NUMBER_SERIAL'],
    ['京ICP备12345678', 'ICP_NUMBER_MISSING_HAO'],
    ['京ICP备12345678-1', 'ICP_NUMBER_MISSING_HAO'],
    ['京ICP备12345678号-', 'ICP_NUMBER_WEBSITE_SUFFIX'],
    ['京ICP备12345678号-0', 'ICP_NUMBER_WEBSITE_SUFFIX'],
    ['京ICP备12345678号-01', 'ICP_NUMBER_WEBSITE_SUFFIX'],
    ['京ICP备12345678号-12345', 'ICP_NUMBER_WEBSITE_SUFFIX'],
    ['京ICP备12345678号-1A', 'ICP_NUMBER_WEBSITE_SUFFIX'],
    ['京ICP证000000号', 'ICP_NUMBER_FORMAT'],
    ['京B2-20090059', 'ICP_NUMBER_FORMAT'],
    ['京公网安备11010502000001号', 'ICP_NUMBER_FORMAT'],
  ])('rejects %j with %s', (input, code) => {
    expect(codes(input)).toEqual([code]);
  });
});
