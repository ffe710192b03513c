import { useCallback, useEffect, useState } from 'react';
import { clearDraft, type DraftReject, loadDraft, type ReviewDraft, saveDraft } from './draft.ts';
import type { ReviewStage } from './review-model.ts';

export type Draft = ReturnType<typeof useDraft>;

/** The reviewer's draft for this order and stage, kept in sessionStorage while they work. */
export function useDraft(orderId: string, stage: ReviewStage) {
  const key = stage ?? 'none';
  const [draft, setDraft] = useState<ReviewDraft>(() => loadDraft(orderId, key));
  useEffect(() => setDraft(loadDraft(orderId, key)), [orderId, key]);
  const update = useCallback(
    (next: (d: ReviewDraft) => ReviewDraft) =>
      setDraft((d) => {
        const n = next(d);
        saveDraft(orderId, key, n);
        return n;
      }),
    [orderId, key],
  );
  return {
    draft,
    setReject: (path: string, r: DraftReject | undefined) =>
      update((d) => {
        const rejects = { ...d.rejects };
        if (r) rejects[path] = r;
        else delete rejects[path];
        return { ...d, rejects };
      }),
    toggleCheck: (id: string, on: boolean) =>
      update((d) => ({ ...d, checked: on ? [...new Set([...d.checked, id])] : d.checked.filter((c) => c !== id) })),
    clear: () => {
      clearDraft(orderId, key);
      setDraft({ rejects: {}, checked: [] });
    },
  };
}
