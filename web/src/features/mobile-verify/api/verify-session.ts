import { useQuery } from '@tanstack/react-query';
import {
  VerifyLinkSessionSchema,
  VerifyLinkUploadResponseSchema,
} from '../../../../../src/contracts/verify-link-api.ts';
import { api } from '../../../api/client.ts';
import { type UploadProgress, uploadWithProgress } from '../../../api/upload.ts';

/** POST /mobile-verify/session: what the phone page shows for the token (the token goes in the body). */
export const useVerifySession = (token: string) =>
  useQuery({
    queryKey: ['mobile-verify', 'session', token],
    queryFn: ({ signal }) =>
      api('/mobile-verify/session', VerifyLinkSessionSchema, { method: 'POST', body: { token }, signal }),
    enabled: token.length > 0,
    retry: false,
    refetchOnWindowFocus: false,
  });

/** POST /mobile-verify/upload (multipart: token, kind, file), once. */
export function uploadVerificationPhoto(token: string, file: File, onProgress: (p: UploadProgress) => void) {
  const form = new FormData();
  form.append('token', token);
  form.append('kind', 'curtain_photo');
  form.append('file', file, file.name || 'photo.jpg');
  return uploadWithProgress('/mobile-verify/upload', form, VerifyLinkUploadResponseSchema, { onProgress });
}
