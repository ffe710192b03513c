import type { PersonIdType } from '../filing-data.ts';

/**
 * The provider's real-name verification (实名认证) of an account, as the filing platform sees it (domain.md §4.1:
 * the account must be real-name verified, and that identity must match the subject it files). The provider's
 * account system decides; the platform only asks. Adapters: the HTTP one (src/adapters/real-name, contract in
 * docs/integrations/real-name-registry.md) and the DB-backed stand-in admins fill.
 */
export type RealNameIdentity =
  | {
      kind: 'individual';
      /** The person's name as on the document. */
      name: string;
      idType: PersonIdType;
      idNumber: string;
      verifiedAt: Date;
    }
  | {
      kind: 'unit';
      /** The unit's registered name. */
      name: string;
      /** 统一社会信用代码 (18 characters). */
      uscc: string;
      verifiedAt: Date;
    };

export type RealNameLookup =
  | { status: 'unverified' }
  | { status: 'verified'; identity: RealNameIdentity }
  /**
   * Stand-in only: the account is marked verified but no identity is on file, and the stand-in lets the subject
   * the account files become its identity (development sign-up, demo accounts, tests). Never from the HTTP adapter.
   */
  | { status: 'verified_adopts_subject' };

export interface RealNameRegistry {
  /** What the provider's 实名认证 says about this account now. Throws REAL_NAME_REGISTRY_UNAVAILABLE. */
  lookup(accountId: string): Promise<RealNameLookup>;
}
