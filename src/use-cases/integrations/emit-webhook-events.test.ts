import { describe, expect, it } from 'vitest';
import { WebhookEventSchema } from '../../contracts/integrations-api.ts';
import type { Order } from '../../domain/order.ts';
import { webhookEventsOf } from './emit-webhook-events.ts';

const now = new Date('2026-12-03T09:30:00Z');
const order = (over: Partial<Order>): Order =>
  ({
    id: '5f0c6c55-3f57-4d9c-9f4e-6f1d2f1a0001',
    accountId: '5f0c6c55-3f57-4d9c-9f4e-6f1d2f1a0002',
    type: 'first_filing',
    state: 'approved',
    version: 9,
    regulatorStatus: null,
    // Personal data the events must never carry.
    data: {
      subject: { sponsorName: '王小明', responsiblePerson: { idNumber: '11010519491231002X', mobile: '13912345678' } },
    },
    ...over,
  }) as unknown as Order;

describe('webhook events of a transition', () => {
  it('an approval with numbers: state_changed and number_issued, with the public numbers only', () => {
    const events = webhookEventsOf({
      order: order({
        regulatorStatus: {
          state: 'approved',
          subjectNumber: '京ICP备2026000001号',
          websites: [{ domain: 'my-blog.cn', websiteNumber: '京ICP备2026000001号-1' }],
        },
      }),
      event: 'admin_approve',
      from: 'pending_admin_review',
      to: 'approved',
      effects: [],
      now,
    });
    expect(events.map((e) => e.type)).toEqual(['order.state_changed', 'record.number_issued']);
    expect(events[1]?.data.numbers).toEqual({
      subjectNumber: '京ICP备2026000001号',
      websites: [{ domain: 'my-blog.cn', websiteNumber: '京ICP备2026000001号-1' }],
    });
    for (const e of events) WebhookEventSchema.parse({ id: crypto.randomUUID(), ...e });
    expect(JSON.stringify(events)).not.toMatch(/王小明|11010519491231002X|13912345678/);
  });

  it('a rejection: reason fields and codes, never the reviewer’s free text', () => {
    const events = webhookEventsOf({
      order: order({ state: 'provider_rejected' }),
      event: 'provider_reject',
      from: 'pending_provider_review',
      to: 'provider_rejected',
      effects: [
        {
          kind: 'rejection.record',
          stage: 'provider',
          reasons: [{ field: 'subject.sponsorName', code: 'NAME_MISMATCH', message: '王小明与证件不符' }],
        },
      ],
      now,
    });
    expect(events.map((e) => e.type)).toEqual(['order.state_changed', 'order.rejected']);
    expect(events[1]?.data.rejection).toEqual({
      stage: 'provider',
      reasons: [{ field: 'subject.sponsorName', code: 'NAME_MISMATCH' }],
    });
    expect(JSON.stringify(events)).not.toContain('王小明');
  });
});
