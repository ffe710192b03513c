/**
 * The provider's cloud inventory as the filing platform sees it: which servers and site-builder subscriptions an
 * account holds, and whether they still run. Adapters (src/adapters/resources): the HTTP one against the
 * provider's inventory API (docs/integrations/resource-inventory.md) and a DB-backed stand-in that admins and the
 * demo seed fill.
 */
export type ResourceKind = 'server' | 'site_builder';
export type BillingType = 'prepaid' | 'pay_as_you_go';
/** `released` (释放): the server is gone; its public IPs serve nothing of the account any more. */
export type ResourceStatus = 'running' | 'released';

export type Resource = {
  id: string;
  accountId: string;
  kind: ResourceKind;
  name: string;
  region: string;
  /** Public IPs bound to the resource; empty when none is bound. */
  publicIps: string[];
  billingType: BillingType;
  /** End of the paid term (prepaid) or of the service contract (pay-as-you-go). */
  expiresAt: Date;
  status: ResourceStatus;
};

/** Every method throws RESOURCE_INVENTORY_UNAVAILABLE when the inventory cannot be asked. */
export interface ResourceInventory {
  /** The account's resources, released ones included. */
  listForAccount(accountId: string): Promise<Resource[]>;
  /** null when the inventory does not know the id (never existed, or purged long after release). */
  get(resourceId: string): Promise<Resource | null>;
  /** For the access sweep: the known ones of these ids, in any order; unknown ids are simply absent. */
  getMany(resourceIds: readonly string[]): Promise<Resource[]>;
}
