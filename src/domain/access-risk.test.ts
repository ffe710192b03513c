import { describe, expect, it } from 'vitest';
import { accessRiskOf } from './access-risk.ts';
import type { Resource } from './ports/resource-inventory.ts';

const NOW = new Date('2026-12-03T00:00:00Z');
const server = (over: Partial<Resource> = {}): Resource => ({
  id: 'i-1',
  accountId: 'acc',
  kind: 'server',
  name: 'web-01',
  region: 'cn-north-1',
  publicIps: ['124.70.10.1'],
  billingType: 'prepaid',
  expiresAt: new Date('2027-06-01T00:00:00Z'),
  status: 'running',
  ...over,
});

describe('access risk of a filed website', () => {
  it('a running resource within its term serves the website', () => {
    expect(accessRiskOf(server(), NOW)).toBeNull();
  });
  it('released, or unknown to the inventory, is released', () => {
    expect(accessRiskOf(server({ status: 'released' }), NOW)).toBe('released');
    expect(accessRiskOf(null, NOW)).toBe('released');
  });
  it('a term that ended (to the second) is expired; release wins over expiry', () => {
    expect(accessRiskOf(server({ expiresAt: NOW }), NOW)).toBe('expired');
    expect(accessRiskOf(server({ expiresAt: new Date(NOW.getTime() + 1000) }), NOW)).toBeNull();
    expect(accessRiskOf(server({ status: 'released', expiresAt: NOW }), NOW)).toBe('released');
  });
});
