import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { CodeLookupSchema } from '../../../../../src/contracts/operations-api.ts';
import { api } from '../../../api/client.ts';

/** POST /admin/authorization-codes/lookup: the code travels in the body, never in a URL. */
export const useLookupCode = () =>
  useMutation({
    mutationFn: (code: string) =>
      api('/admin/authorization-codes/lookup', CodeLookupSchema, { method: 'POST', body: { code } }),
  });

/** POST /admin/authorization-codes/:code/invalidation with the reason (audited). */
export const useInvalidateCode = () =>
  useMutation({
    mutationFn: ({ code, reason }: { code: string; reason: string }) =>
      api(
        `/admin/authorization-codes/${encodeURIComponent(code)}/invalidation`,
        z.object({ state: z.string() }).passthrough(),
        {
          method: 'POST',
          body: { reason },
        },
      ),
  });
