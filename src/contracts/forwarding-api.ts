import { z } from 'zod';
import { OrderSummarySchema } from './order-api.ts';

/** Forwarding to the regulator and the outbox behind it, as the back office sees them. */
export const ForwardingModeSchema = z.enum(['auto', 'manual']);
export type ForwardingMode = z.infer<typeof ForwardingModeSchema>;

export const ForwardingStatusSchema = z.enum(['held', 'queued', 'retrying', 'sent']);
export type ForwardingStatus = z.infer<typeof ForwardingStatusSchema>;

export const ForwardingListSchema = z.object({
  mode: ForwardingModeSchema,
  items: z.array(
    z.object({
      order: OrderSummarySchema,
      regulatorRef: z.string().nullable(),
      outbox: z.object({
        status: ForwardingStatusSchema,
        attempts: z.number().int(),
        lastError: z.string().nullable(),
        nextAttemptAt: z.string().nullable(),
        heldAt: z.string().nullable(),
        releasedAt: z.string().nullable(),
      }),
    }),
  ),
});
export type ForwardingList = z.infer<typeof ForwardingListSchema>;

export const ForwardRequestSchema = z.object({ orderIds: z.array(z.string().uuid()).min(1).max(100) }).strict();
export const ForwardResultSchema = z.object({
  forwarded: z.array(z.string()),
  alreadyForwarded: z.array(z.string()),
  notReady: z.array(z.string()),
});
export type ForwardResult = z.infer<typeof ForwardResultSchema>;

export const SetForwardingModeSchema = z.object({ mode: ForwardingModeSchema }).strict();
export const ForwardingModeResultSchema = z.object({ mode: ForwardingModeSchema, released: z.number().int() });

export const OutboxItemSchema = z.object({
  id: z.string(),
  topic: z.string(),
  orderId: z.string().nullable(),
  idempotencyKey: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string(),
  heldAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  /** Done without success: the handler stopped retrying (a webhook after its last attempt); lastError says why. */
  gaveUp: z.boolean(),
  createdAt: z.string(),
});
export type OutboxItem = z.infer<typeof OutboxItemSchema>;

export const OutboxFilterSchema = z.enum(['failing', 'gave_up', 'pending', 'held', 'done', 'all']);
export type OutboxFilter = z.infer<typeof OutboxFilterSchema>;

export const OutboxListSchema = z.object({ items: z.array(OutboxItemSchema), nextBefore: z.string().nullable() });

/** The review screen's regulator panel: MIIT's reference, its last status (masked) and each submission's delivery. */
export const RegulatorPanelSchema = z.object({
  regulatorRef: z.string().nullable(),
  status: z.record(z.string(), z.unknown()).nullable(),
  submissions: z.array(OutboxItemSchema),
});
export type RegulatorPanel = z.infer<typeof RegulatorPanelSchema>;
