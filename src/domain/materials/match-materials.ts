import { type MaterialKind, PER_WEBSITE_MATERIAL_KINDS } from '../material-kind.ts';
import type { MaterialRequirement } from './required-materials.ts';

export type UploadedMaterial = { kind: MaterialKind; websiteIndex?: number | null; validUntil?: string | null };

/**
 * Requirements no uploaded material satisfies. Each upload satisfies at most one requirement, so two websites
 * that each need a letter need two uploads. Per-website kinds must carry the right website index; other kinds
 * (e.g. a residence proof asked for a website's responsible person) accept any spare upload of the kind, because
 * the upload page does not ask for an index for them.
 */
export function missingMaterials(
  required: readonly MaterialRequirement[],
  uploaded: readonly UploadedMaterial[],
): MaterialRequirement[] {
  const used = new Set<number>();
  const take = (match: (m: UploadedMaterial) => boolean): boolean => {
    const index = uploaded.findIndex((m, i) => !used.has(i) && match(m));
    if (index < 0) return false;
    used.add(index);
    return true;
  };
  const indexOf = (m: UploadedMaterial) => m.websiteIndex ?? undefined;

  // Exact matches first, so a loose match cannot steal an upload an exact requirement needs.
  const unmatched = required.filter((req) => !take((m) => m.kind === req.kind && indexOf(m) === req.websiteIndex));
  return unmatched.filter((req) => {
    const strict = PER_WEBSITE_MATERIAL_KINDS.includes(req.kind) && req.websiteIndex !== undefined;
    return strict || !take((m) => m.kind === req.kind);
  });
}
