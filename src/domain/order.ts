import type { OrderData, RejectionReason } from '../contracts/filing-data.ts';
import type { VerificationStage } from './filing-data.ts';
import type { FilingType } from './filing-type.ts';
import type { TypeReason } from './filing-type-determination.ts';
import type { RejectionStage } from './lifecycle/types.ts';
import type { OrderState } from './order-state.ts';
import type { RegulatorOrderStatus } from './ports/regulator-gateway.ts';

/** Non-personal facts captured when the system determined the filing type (domain.md §2.1). */
export type OrderDetermination = {
  domain?: string;
  subjectAlreadyFiled?: boolean;
  subjectFilingNumber?: string;
  intent?: 'add_website' | 'add_access';
  domainFiled?: boolean;
  domainWebsiteNumber?: string;
  /** Why the system chose the type, as shown to the applicant (absent on orders started before it was kept). */
  reason?: TypeReason;
};

/** A filing order (备案订单) as the use cases see it: data decrypted, JSON columns parsed. */
export type Order = {
  id: string;
  accountId: string;
  subjectId: string | null;
  type: FilingType;
  state: OrderState;
  verificationStage: VerificationStage;
  version: number;
  province: string | null;
  data: OrderData;
  determination: OrderDetermination;
  targetWebsiteIds: string[];
  termsAcceptedAt: Date | null;
  submissionCount: number;
  regulatorRef: string | null;
  regulatorStatus: RegulatorOrderStatus | null;
  reviewerId: string | null;
  submittedAt: Date | null;
  lastSubmittedAt: Date | null;
  lastActivityAt: Date;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
};

export type OrderRejection = { id: string; stage: RejectionStage; reasons: RejectionReason[]; at: Date };
