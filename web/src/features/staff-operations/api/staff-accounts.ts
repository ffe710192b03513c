import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { UserViewSchema } from '../../../../../src/contracts/auth-api.ts';
import { StaffAccountListSchema } from '../../../../../src/contracts/operations-api.ts';
import { api } from '../../../api/client.ts';

const keys = { all: ['admin-staff'] as const };
type StaffRole = 'reviewer' | 'senior_reviewer' | 'admin';

/** GET /admin/staff: the provider's staff with role, state and authenticator. */
export const useStaffAccounts = () =>
  useQuery({ queryKey: keys.all, queryFn: ({ signal }) => api('/admin/staff', StaffAccountListSchema, { signal }) });

/** PATCH /admin/staff/:id: a new role, or disable / enable (with a reason). */
export const useUpdateStaff = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; role?: StaffRole; disabled?: boolean; reason: string }) =>
      api(`/admin/staff/${encodeURIComponent(id)}`, z.object({ id: z.string() }).passthrough(), {
        method: 'PATCH',
        body,
      }),
    onSettled: () => void qc.invalidateQueries({ queryKey: keys.all }),
  });
};

/** POST /admin/users with a staff role. */
export const useCreateStaff = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; displayName: string; password: string; role: StaffRole }) =>
      api('/admin/users', UserViewSchema, { method: 'POST', body }),
    onSettled: () => void qc.invalidateQueries({ queryKey: keys.all }),
  });
};

/** DELETE /admin/users/:id/second-factor: the staff member sets up a new authenticator at the next sign-in. */
export const useResetSecondFactor = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(`/admin/users/${encodeURIComponent(id)}/second-factor`, null, { method: 'DELETE' }),
    onSettled: () => void qc.invalidateQueries({ queryKey: keys.all }),
  });
};
