import { useQuery } from '@tanstack/react-query';
import { SubmissionChangesSchema } from '../../../../../src/contracts/review-api.ts';
import { api } from '../../../api/client.ts';
import { staffOrderKeys } from './get-staff-order.ts';

/** GET /reviewer/orders/:id/changes: a resubmission's fields changed since the previous submission. */
export const useSubmissionChanges = (id: string, version: number) =>
  useQuery({
    queryKey: [...staffOrderKeys.one(id), 'changes', version],
    queryFn: ({ signal }) =>
      api(`/reviewer/orders/${encodeURIComponent(id)}/changes`, SubmissionChangesSchema, { signal }),
  });
