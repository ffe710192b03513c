import { useQueryClient } from '@tanstack/react-query';
import { MaterialViewSchema } from '../../../../../src/contracts/order-api.ts';
import { type UploadProgress, uploadWithProgress } from '../../../api/upload.ts';
import { orderKeys } from '../../orders/api/query-keys.ts';

export type UploadMaterialInput = {
  kind: string;
  websiteIndex?: number;
  /** 'YYYY-MM-DD' or 'long_term', for certificates. */
  validUntil?: string;
  file: File;
};

/** POST /applicant/orders/:id/materials with progress; the order and its pre-check are refetched after. */
export function useUploadMaterial(orderId: string) {
  const qc = useQueryClient();
  return async (input: UploadMaterialInput, onProgress?: (p: UploadProgress) => void, signal?: AbortSignal) => {
    const form = new FormData();
    form.append('kind', input.kind);
    if (input.websiteIndex !== undefined) form.append('websiteIndex', String(input.websiteIndex));
    if (input.validUntil) form.append('validUntil', input.validUntil);
    form.append('file', input.file, input.file.name);
    const saved = await uploadWithProgress(
      `/applicant/orders/${encodeURIComponent(orderId)}/materials`,
      form,
      MaterialViewSchema,
      { ...(onProgress && { onProgress }), ...(signal && { signal }) },
    );
    await Promise.all([
      qc.invalidateQueries({ queryKey: orderKeys.one(orderId), exact: true }),
      qc.invalidateQueries({ queryKey: orderKeys.precheck(orderId) }),
    ]);
    return saved;
  };
}

/** Where the stored (re-encoded) image is read back; an attachment, so it is fetched into a blob: URL to show. */
export const materialContentPath = (materialId: string) =>
  `/api/v1/applicant/materials/${encodeURIComponent(materialId)}/content`;
