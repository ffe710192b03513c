import { useMutation, useQueryClient } from '@tanstack/react-query';
import { LogoutRedirectSchema } from '../../../../../src/contracts/auth-api.ts';
import { api } from '../../../api/client.ts';

/**
 * Ends the session. A session that began at the provider's IdP answers its end-session URL: the browser goes
 * there too (RP-initiated logout), which brings it back to /sign-in.
 */
export const useSignOut = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api('/auth/logout', LogoutRedirectSchema.nullable(), { method: 'POST' }),
    onSuccess: (answer) => {
      if (answer?.endSessionUrl) window.location.assign(answer.endSessionUrl);
    },
    onSettled: () => qc.clear(),
  });
};
