import type { OrderData, Subject } from '../../contracts/filing-data.ts';
import type { VerificationStage } from '../filing-data.ts';
import type { FilingType } from '../filing-type.ts';
import type { MaterialKind } from '../material-kind.ts';
import type { MaterialRequirement } from '../materials/required-materials.ts';
import type { Bilingual } from '../province/rules/types.ts';

/**
 * block: the order cannot be submitted; warn: likely rejection, the applicant decides;
 * reviewer-check: a rule only a human can confirm (live sites, DNS, phone ranges), shown to the reviewer.
 */
export type Severity = 'block' | 'warn' | 'reviewer-check';

export type Finding = {
  ruleId: string;
  severity: Severity;
  /** JSON path into the order data, e.g. 'websites.0.responsiblePerson.mobile'; '' for the whole order. */
  field: string;
  message: Bilingual;
  fix: Bilingual;
};

export type PrecheckMaterial = { kind: MaterialKind; websiteIndex?: number | null; validUntil?: string | null };

export type PrecheckInput = {
  type: FilingType;
  data: OrderData;
  now: Date;
  verificationStage: VerificationStage;
  /** What the platform already holds for this subject (View B types and changes). */
  existing?: {
    subject?: Subject;
    websiteNames: string[];
    websiteCount: number;
    /** ID numbers of website responsible persons filed under other subjects (Chongqing uniqueness). */
    otherSubjectsWebsiteResponsibleIds?: string[];
  };
  materials: PrecheckMaterial[];
};

export type PrecheckResult = {
  findings: Finding[];
  requiredMaterials: MaterialRequirement[];
  missingMaterials: MaterialRequirement[];
  /** Number of findings with severity 'block'. */
  blocking: number;
};
