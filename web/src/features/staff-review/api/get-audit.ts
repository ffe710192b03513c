import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../api/client.ts';
import { staffOrderKeys } from './get-staff-order.ts';

export const AuditEntrySchema = z.object({
  at: z.string(),
  actorRole: z.string(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  reason: z.string().nullable(),
  field: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** GET /reviewer/orders/:id/audit: who did what to the order, reveals included (never the values). */
export const useOrderAudit = (id: string) =>
  useQuery({
    queryKey: staffOrderKeys.audit(id),
    queryFn: ({ signal }) =>
      api(`/reviewer/orders/${encodeURIComponent(id)}/audit`, z.object({ items: z.array(AuditEntrySchema) }), {
        signal,
      }),
  });
