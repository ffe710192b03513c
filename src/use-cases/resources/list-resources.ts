import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.ts';
import {
  CODES_PER_PUBLIC_IP,
  INELIGIBLE_REASON_LABELS,
  type IneligibleReason,
  resourceEligibility,
} from '../../domain/authorization-code.ts';
import type { Resource, ResourceInventory } from '../../domain/ports/resource-inventory.ts';
import { countActiveCodesForIp } from '../authorization-codes/apply-for-code.ts';

export type ResourceView = Resource & {
  eligible: boolean;
  ineligibleReason: IneligibleReason | null;
  /** Chinese explanation shown beside a disabled "申请" button. */
  ineligibleReasonText: string | null;
  /** Per public IP: codes already taking a slot (across all accounts) and slots left. */
  ipQuotas: Array<{ publicIp: string; activeCodes: number; remaining: number }>;
};

/**
 * The "申请授权码" page: every resource of the account still running, each with whether and why a code can be
 * applied for (a released server is gone from the account's console).
 */
export async function listResourcesForAccount(
  db: Kysely<Database>,
  inventory: ResourceInventory,
  accountId: string,
  now: Date,
): Promise<ResourceView[]> {
  const resources = (await inventory.listForAccount(accountId)).filter((r) => r.status === 'running');
  const views: ResourceView[] = [];
  for (const resource of resources) {
    const eligibility = resourceEligibility(resource, now);
    const ipQuotas = [];
    for (const publicIp of resource.publicIps) {
      const activeCodes = await countActiveCodesForIp(db, publicIp, now);
      ipQuotas.push({ publicIp, activeCodes, remaining: Math.max(0, CODES_PER_PUBLIC_IP - activeCodes) });
    }
    const reason = eligibility.eligible ? null : eligibility.reason;
    views.push({
      ...resource,
      eligible: eligibility.eligible,
      ineligibleReason: reason,
      ineligibleReasonText: reason ? INELIGIBLE_REASON_LABELS[reason] : null,
      ipQuotas,
    });
  }
  return views;
}
