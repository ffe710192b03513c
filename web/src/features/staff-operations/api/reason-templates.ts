import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReasonTemplate, ReasonTemplateSchema } from '../../../../../src/contracts/operations-api.ts';
import { api } from '../../../api/client.ts';

/** PUT /admin/reason-templates/:code: add or edit one template. */
export const useSaveReasonTemplate = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, ...body }: ReasonTemplate) =>
      api(`/admin/reason-templates/${encodeURIComponent(code)}`, ReasonTemplateSchema, { method: 'PUT', body }),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['reason-templates'] }),
  });
};
