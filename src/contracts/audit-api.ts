import { z } from 'zod';
import type { StaffRole } from '../domain/roles.ts';
import { EmailSchema } from './auth-api.ts';

/**
 * The back office's audit search and hash-chain check (/api/v1/admin/audit), for admins and senior reviewers.
 * Ids and codes only: an actor looked up by e-mail is named in a POST body, never in a URL.
 */
/** Who oversees the provider's own work (audit search, dashboard); reviewers see an order's own trail only. */
export const OVERSIGHT_ROLES = ['admin', 'senior_reviewer'] as const satisfies readonly StaffRole[];
export const isOversightRole = (role: string): boolean => (OVERSIGHT_ROLES as readonly string[]).includes(role);

export const AuditIdSchema = z.string().regex(/^[1-9]\d{0,18}$/, 'audit entry id');
/** An action or a prefix of one: `order.`, `pi.revealed`, `auth.login`. */
export const AuditActionPrefixSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_.]{0,79}$/, 'lower-case action or prefix');

const filters = {
  actorId: z.uuid().optional(),
  orderId: z.uuid().optional(),
  action: AuditActionPrefixSchema.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** Start the list at this entry (inclusive), e.g. the first broken one; older entries follow. */
  untilId: AuditIdSchema.optional(),
  /** Keyset cursor: the id of the last entry of the previous page. */
  cursor: AuditIdSchema.optional(),
};

export const AuditQuerySchema = z
  .object({ ...filters, limit: z.coerce.number().int().min(1).max(200).optional() })
  .strict();
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/** The same filters in a body, where the actor may be given by e-mail (resolved on the server). */
export const AuditSearchRequestSchema = z
  .object({ ...filters, actorEmail: EmailSchema.optional(), limit: z.number().int().min(1).max(200).optional() })
  .strict()
  .refine((b) => !(b.actorId && b.actorEmail), { message: 'actorId or actorEmail, not both', path: ['actorEmail'] });
export type AuditSearchRequest = z.infer<typeof AuditSearchRequestSchema>;

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({
    id: z.string().nullable(),
    role: z.string(),
    /** Staff only: an applicant's display name may be their own name, so it is not shown. */
    displayName: z.string().nullable(),
  }),
  action: z.string(),
  orderId: z.string().nullable(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditPageSchema = z.object({ items: z.array(AuditEntrySchema), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPageSchema>;

export const AuditVerifyRequestSchema = z
  .object({ fromId: AuditIdSchema.optional(), toId: AuditIdSchema.optional() })
  .strict();
export type AuditVerifyRequest = z.infer<typeof AuditVerifyRequestSchema>;

export const AuditVerifyResponseSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenId: z.string().optional(),
  brokenAt: z.string().optional(),
  expectedHash: z.string().optional(),
  foundHash: z.string().optional(),
});
export type AuditVerifyResponse = z.infer<typeof AuditVerifyResponseSchema>;
