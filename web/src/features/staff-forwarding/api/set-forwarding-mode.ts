import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ForwardingMode, ForwardingModeResultSchema } from '../../../../../src/contracts/forwarding-api.ts';
import { api } from '../../../api/client.ts';
import { forwardingKeys } from './get-forwarding.ts';

/** PUT /reviewer/forwarding/mode (senior reviewers and admins): automatic or held forwarding. */
export const useSetForwardingMode = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (mode: ForwardingMode) =>
      api('/reviewer/forwarding/mode', ForwardingModeResultSchema, { method: 'PUT', body: { mode } }),
    onSettled: () => void qc.invalidateQueries({ queryKey: forwardingKeys.all }),
  });
};
