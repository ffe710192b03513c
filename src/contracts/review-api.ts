import { z } from 'zod';
import { RejectionReasonSchema } from './filing-data.ts';

/**
 * A resubmission as the reviewer sees it: every field changed since the previous submission (masked values) and
 * the reasons the order was last returned with. Empty for a first submission.
 */
export const SubmissionChangesSchema = z.object({
  submissionNumber: z.number().int(),
  previousSubmittedAt: z.string().nullable(),
  changes: z.array(z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
  lastReasons: z.array(RejectionReasonSchema),
});
export type SubmissionChanges = z.infer<typeof SubmissionChangesSchema>;

/** refine's `can → {can, reason}`: whether the signed-in reviewer may act, and the catalogue code if not. */
export const CanSchema = z.union([
  z.object({ can: z.literal(true) }),
  z.object({
    can: z.literal(false),
    reason: z.enum(['ORDER_CLAIMED_BY_OTHER', 'ORDER_NOT_CLAIMABLE', 'REVIEWER_CONFLICT_OF_INTEREST', 'FORBIDDEN']),
  }),
]);
export type Can = z.infer<typeof CanSchema>;

export const StaffMemberSchema = z.object({ id: z.string(), displayName: z.string() });
export type StaffMember = z.infer<typeof StaffMemberSchema>;

/** Who works an order now (a lease the review screen renews) and what the signed-in reviewer may do. */
export const ClaimViewSchema = z.object({
  holder: StaffMemberSchema.nullable(),
  expiresAt: z.string().nullable(),
  mine: z.boolean(),
  leaseSeconds: z.number().int(),
  can: z.object({ claim: CanSchema, decide: CanSchema, reassign: CanSchema }),
});
export type ClaimView = z.infer<typeof ClaimViewSchema>;

export const ReassignRequestSchema = z
  .object({ toUserId: z.string().uuid(), reason: z.string().trim().min(2).max(500) })
  .strict();
export type ReassignRequest = z.infer<typeof ReassignRequestSchema>;
