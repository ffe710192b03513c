/**
 * The provider's cloud inventory as the filing platform sees it: which servers and site-builder subscriptions an
 * account holds. The real provider would answer from its billing system; the platform ships a DB-backed stand-in
 * (src/adapters/resources) that admins and the demo seed fill.
 */
export type ResourceKind = 'server' | 'site_builder';
export type BillingType = 'prepaid' | 'pay_as_you_go';

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
};

export interface ResourceInventory {
  listForAccount(accountId: string): Promise<Resource[]>;
  get(resourceId: string): Promise<Resource | null>;
}
