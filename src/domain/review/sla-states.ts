/** Where an order stands against the provider's review promise (review-sla.ts). */
export const SLA_STATE_VALUES = ['on_time', 'due_today', 'overdue'] as const;
export type SlaState = (typeof SLA_STATE_VALUES)[number];
