import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { NoticeListSchema, NoticeSchema, type SaveNotice } from '../../../../../src/contracts/operations-api.ts';
import { api } from '../../../api/client.ts';

const keys = { admin: ['admin-notices'] as const };

/** GET /admin/notices: every notice, newest first. */
export const useAdminNotices = () =>
  useQuery({ queryKey: keys.admin, queryFn: ({ signal }) => api('/admin/notices', NoticeListSchema, { signal }) });

/** POST /admin/notices, or PUT /admin/notices/:id to edit one. */
export const useSaveNotice = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, notice }: { id?: string; notice: SaveNotice }) =>
      id
        ? api(`/admin/notices/${encodeURIComponent(id)}`, NoticeSchema, { method: 'PUT', body: notice })
        : api('/admin/notices', NoticeSchema, { method: 'POST', body: notice }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: keys.admin });
      void qc.invalidateQueries({ queryKey: ['public-notices'] });
    },
  });
};

/** POST /admin/notices/:id/withdrawal. */
export const useWithdrawNotice = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api(`/admin/notices/${encodeURIComponent(id)}/withdrawal`, NoticeSchema, { method: 'POST' }),
    onSettled: () => void qc.invalidateQueries({ queryKey: keys.admin }),
  });
};
