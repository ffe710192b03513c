import type { OrderView } from '../../../../src/contracts/order-api.ts';
import { materialPath } from './draft.ts';

const PERSON_PI = ['name', 'idNumber', 'mobile', 'emergencyPhone', 'officePhone', 'email'];
const SUBJECT_PI = ['sponsorName', 'certificateNumber', 'certificateAddress', 'mailingAddress'];
const PERSON_PATH = new RegExp(`^(subject|websites\\.\\d{1,2})\\.responsiblePerson\\.(${PERSON_PI.join('|')})$`);
const SUBJECT_PATH = new RegExp(`^subject\\.(${SUBJECT_PI.join('|')})$`);

/** The paths the server masks and the reveal route unmasks (src/domain/privacy/mask.ts isRevealablePath). */
export const isPersonalDataPath = (path: string) => PERSON_PATH.test(path) || SUBJECT_PATH.test(path);

/** Which decision the order waits for, if any. */
export type ReviewStage = 'provider' | 'authenticity' | null;
export const reviewStage = (order: Pick<OrderView, 'state'>): ReviewStage =>
  order.state === 'pending_provider_review'
    ? 'provider'
    : order.state === 'authenticity_under_review'
      ? 'authenticity'
      : null;

export const AUTHENTICITY_KINDS = ['curtain_photo', 'e_verify_video'];
const ID_KINDS = ['website_rp_id', 'personal_id', 'subject_rp_id'];

export type MaterialGroup = { path: string; kind: string; websiteIndex: number | null; items: OrderView['materials'] };

/** Materials grouped by the field a reason about them names (two sides of one ID are one field). */
export function groupMaterials(materials: OrderView['materials']): MaterialGroup[] {
  const groups = new Map<string, MaterialGroup>();
  for (const m of materials) {
    const path = materialPath(m.kind, m.websiteIndex);
    const g = groups.get(path) ?? { path, kind: m.kind, websiteIndex: m.websiteIndex, items: [] };
    g.items.push(m);
    groups.set(path, g);
  }
  return [...groups.values()];
}

/** For the authenticity review: per website, the verification photo/video beside the ID photo to compare with. */
export function authenticityPairs(order: Pick<OrderView, 'materials' | 'data'>) {
  const groups = groupMaterials(order.materials);
  return order.data.websites.map((_, i) => ({
    websiteIndex: i,
    verification: groups.filter((g) => g.websiteIndex === i && AUTHENTICITY_KINDS.includes(g.kind)),
    ids: groups.filter((g) => (g.websiteIndex === i || g.websiteIndex === null) && ID_KINDS.includes(g.kind)),
  }));
}
