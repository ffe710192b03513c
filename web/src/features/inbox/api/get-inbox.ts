import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { InboxItemSchema } from '../../../../../src/contracts/account-api.ts';
import { api } from '../../../api/client.ts';

const InboxSchema = z.object({ items: z.array(InboxItemSchema), unreadCount: z.number().int() });
export type InboxItem = z.infer<typeof InboxItemSchema>;

export const inboxQuery = queryOptions({
  queryKey: ['inbox'],
  queryFn: ({ signal }) => api('/applicant/notifications', InboxSchema, { signal }),
  // New messages arrive from the reviewers and MIIT: the header's count stays roughly current.
  refetchInterval: 60_000,
});

export const useInbox = (enabled = true) => useQuery({ ...inboxQuery, enabled });
