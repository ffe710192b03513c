import type { RejectionReason } from '../../../../src/contracts/filing-data.ts';
import type { ReasonTemplate } from '../../../../src/contracts/operations-api.ts';

/** One rejected field or material while the reviewer works: the template's code, a note, a suggestion. */
export type DraftReject = { code: string; note?: string; suggestion?: string };
/** The reviewer's work on one order: rejected paths and ticked checklist items. */
export type ReviewDraft = { rejects: Record<string, DraftReject>; checked: string[] };

export const emptyDraft = (): ReviewDraft => ({ rejects: {}, checked: [] });

const key = (orderId: string, stage: string) => `beian.staff.review-draft.${stage}.${orderId}`;

/** The draft kept for this tab (sessionStorage), or an empty one; a corrupt entry counts as none. */
export function loadDraft(orderId: string, stage: string, storage: Storage = sessionStorage): ReviewDraft {
  try {
    const raw = storage.getItem(key(orderId, stage));
    if (!raw) return emptyDraft();
    const d = JSON.parse(raw) as Partial<ReviewDraft>;
    return {
      rejects: d.rejects && typeof d.rejects === 'object' ? d.rejects : {},
      checked: Array.isArray(d.checked) ? d.checked.filter((c) => typeof c === 'string') : [],
    };
  } catch {
    return emptyDraft();
  }
}

export function saveDraft(orderId: string, stage: string, draft: ReviewDraft, storage: Storage = sessionStorage) {
  storage.setItem(key(orderId, stage), JSON.stringify(draft));
}

export function clearDraft(orderId: string, stage: string, storage: Storage = sessionStorage) {
  storage.removeItem(key(orderId, stage));
}

/** Material reasons name the field the portal puts them on: `materials.<kind>` or `websites.<n>.materials.<kind>`. */
export const materialPath = (kind: string, websiteIndex: number | null) =>
  websiteIndex === null ? `materials.${kind}` : `websites.${websiteIndex}.materials.${kind}`;

/** The full-width colon of the Chinese reason text the applicant reads. */
const ZH_COLON = '\uff1a';

/**
 * The API's reasons from the draft: the template's Chinese text (what the applicant's console shows), the note
 * after it, the suggestion as given. Paths in a stable order so the applicant reads them top to bottom.
 */
export function draftToReasons(draft: ReviewDraft, templates: readonly ReasonTemplate[]): RejectionReason[] {
  return Object.entries(draft.rejects)
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([field, r]) => {
      // A template retired meanwhile keeps its code; the reviewer's note still says what is wrong.
      const base = templates.find((t) => t.code === r.code)?.zh ?? r.code;
      const note = r.note?.trim();
      const suggestion = r.suggestion?.trim();
      return {
        field,
        code: r.code,
        message: note ? `${base}${ZH_COLON}${note}` : base,
        ...(suggestion && { suggestion }),
      };
    });
}
