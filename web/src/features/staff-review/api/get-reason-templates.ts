import { useQuery } from '@tanstack/react-query';
import { type ReasonTemplate, ReasonTemplateListSchema } from '../../../../../src/contracts/operations-api.ts';
import { api } from '../../../api/client.ts';

export const reasonTemplateKeys = {
  active: ['reason-templates', 'active'] as const,
  all: ['reason-templates', 'all'] as const,
};

/** GET /reviewer/reason-templates: the templates admins maintain (active ones, or all for the admins' page). */
export const useReasonTemplates = (opts: { all?: boolean } = {}) =>
  useQuery({
    queryKey: opts.all ? reasonTemplateKeys.all : reasonTemplateKeys.active,
    queryFn: ({ signal }) =>
      api('/reviewer/reason-templates', ReasonTemplateListSchema, {
        query: { all: opts.all ? 'true' : undefined },
        signal,
      }),
    staleTime: 5 * 60_000,
    select: (d): ReasonTemplate[] => d.items,
  });
