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
