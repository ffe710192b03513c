import { checkIndividualSubjectChange, checkReviewerRules } from './change-rules.ts';
import { checkCompleteness } from './completeness.ts';
import { buildContext } from './context.ts';
import { checkFormats } from './formats.ts';
import { checkMaterials } from './materials-check.ts';
import { checkPeople } from './people-rules.ts';
import { checkPhones } from './phone-rules.ts';
import type { PrecheckInput, PrecheckResult } from './types.ts';
import { checkWebsiteNames } from './website-names.ts';
import { checkWebsites } from './website-rules.ts';

export type { Finding, PrecheckInput, PrecheckMaterial, PrecheckResult, Severity } from './types.ts';

/**
 * Pre-submission check of a filing order: completeness per type, field formats, national and provincial rules,
 * and the material list. Pure and deterministic (`now` comes in), so the applicant form, the submit use case and
 * the reviewer console see the same findings. It never throws on a half-filled draft: gaps are findings.
 */
export function precheck(draft: PrecheckInput): PrecheckResult {
  const ctx = buildContext(draft);
  checkCompleteness(ctx);
  checkFormats(ctx);
  checkPeople(ctx);
  checkPhones(ctx);
  checkWebsites(ctx);
  checkWebsiteNames(ctx);
  checkIndividualSubjectChange(ctx);
  checkReviewerRules(ctx);
  const { required, missing } = checkMaterials(ctx);
  return {
    findings: ctx.findings,
    requiredMaterials: required,
    missingMaterials: missing,
    blocking: ctx.findings.filter((f) => f.severity === 'block').length,
  };
}
