import { useQuery } from '@tanstack/react-query';
import { StaffAccessRisksSchema } from '../../../../../src/contracts/records-api.ts';
import { api } from '../../../api/client.ts';

/** GET /admin/access-risks: filed websites whose server was released or expired, oldest first. */
export const useAccessRisks = () =>
  useQuery({
    queryKey: ['admin-access-risks'],
    queryFn: ({ signal }) => api('/admin/access-risks', StaffAccessRisksSchema, { signal }),
  });
