import { useQuery } from '@tanstack/react-query';
import { StaffListSchema } from '../../../../../src/contracts/review-api.ts';
import { api } from '../../../api/client.ts';

/** GET /reviewer/staff: active colleagues, for reassigning an order. */
export const useStaffList = (enabled: boolean) =>
  useQuery({
    queryKey: ['staff-members'],
    queryFn: ({ signal }) => api('/reviewer/staff', StaffListSchema, { signal }),
    enabled,
    staleTime: 60_000,
  });
