import { useQuery } from '@tanstack/react-query';
import { NoticeListSchema } from '../../../../../src/contracts/operations-api.ts';
import { api } from '../../../api/client.ts';

/** GET /public/notices: what the provider announces now (holiday pauses, maintenance). */
export const useNotices = () =>
  useQuery({
    queryKey: ['public-notices'],
    queryFn: ({ signal }) => api('/public/notices', NoticeListSchema, { signal }),
    staleTime: 5 * 60_000,
  });
