import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../api/client.ts';
import { inboxQuery } from './get-inbox.ts';

/** Marks one message read (idempotent); the header's unread count follows. */
export const useMarkRead = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api(`/applicant/notifications/${encodeURIComponent(id)}/read`, z.object({ id: z.string(), readAt: z.string() }), {
        method: 'POST',
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: inboxQuery.queryKey }),
  });
};
