import type { z } from 'zod';
import { ApiError, BAD_RESPONSE, NETWORK_ERROR } from './client.ts';

export type UploadProgress = { loaded: number; total: number; percent: number };

/**
 * A multipart POST with upload progress (XMLHttpRequest's upload events; fetch has none for request bodies).
 * Answers and errors are the same as `api()`: the body parsed with the contract's schema, or an ApiError with the
 * catalogue code. Text fields must come before the file in `form` (the server reads fields first).
 */
export function uploadWithProgress<S extends z.ZodType>(
  path: string,
  form: FormData,
  schema: S,
  { onProgress, signal }: { onProgress?: (p: UploadProgress) => void; signal?: AbortSignal } = {},
): Promise<z.output<S>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress)
        onProgress({ loaded: e.loaded, total: e.total, percent: Math.round((e.loaded / e.total) * 100) });
    };
    xhr.onerror = () => reject(new ApiError(0, NETWORK_ERROR, 'network error'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.onload = () => {
      let json: unknown = null;
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        reject(new ApiError(xhr.status, BAD_RESPONSE, xhr.responseText.slice(0, 200)));
        return;
      }
      if (xhr.status < 200 || xhr.status >= 300) {
        const b = (json ?? {}) as { code?: string; message?: string; details?: unknown };
        const retry = Number(xhr.getResponseHeader('retry-after'));
        reject(
          new ApiError(
            xhr.status,
            b.code ?? BAD_RESPONSE,
            b.message ?? xhr.statusText,
            b.details,
            Number.isFinite(retry) && retry > 0 ? retry : null,
          ),
        );
        return;
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) reject(new ApiError(xhr.status, BAD_RESPONSE, parsed.error.message));
      else resolve(parsed.data);
    };
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

/** `1536000` → `1.5 MB`. */
export const formatBytes = (n: number): string =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} B`;
