import { expect } from 'vitest';
import type { MaterialKind } from '../../material-kind.ts';
import { precheck } from '../precheck.ts';
import type { PrecheckInput, PrecheckResult, Severity } from '../types.ts';

/**
 * Table-driven rule cases: each row is a draft plus what must (or must not) come out of the pre-check.
 * Materials are uploaded for everything the draft requires, so a row sees only the rule it is about;
 * rows about materials look at the requirement list instead.
 */
export type Expectation =
  | { finding: string; severity: Severity; field: string }
  | { noFinding: string }
  | { requires: MaterialKind; ruleId: string; websiteIndex?: number }
  | { notRequires: MaterialKind };

export type RuleCase = [name: string, input: PrecheckInput, expectation: Expectation];

export const block = (ruleId: string, field: string): Expectation => ({ finding: ruleId, severity: 'block', field });
export const warn = (ruleId: string, field: string): Expectation => ({ finding: ruleId, severity: 'warn', field });
export const review = (ruleId: string, field = ''): Expectation => ({
  finding: ruleId,
  severity: 'reviewer-check',
  field,
});
export const none = (ruleId: string): Expectation => ({ noFinding: ruleId });
export const requires = (kind: MaterialKind, ruleId: string, websiteIndex?: number): Expectation => ({
  requires: kind,
  ruleId,
  ...(websiteIndex === undefined ? {} : { websiteIndex }),
});
export const notRequires = (kind: MaterialKind): Expectation => ({ notRequires: kind });

/** Runs the pre-check twice: first to learn the material list, then with every required material uploaded. */
export function precheckWithMaterials(input: PrecheckInput): PrecheckResult {
  const first = precheck(input);
  const materials = first.requiredMaterials.map((m) => ({ kind: m.kind, websiteIndex: m.websiteIndex ?? null }));
  return precheck({ ...input, materials: [...input.materials, ...materials] });
}

export function assertCase(input: PrecheckInput, expectation: Expectation) {
  const result = precheckWithMaterials(input);
  if ('finding' in expectation) {
    expect(result.findings).toContainEqual(
      expect.objectContaining({
        ruleId: expectation.finding,
        severity: expectation.severity,
        field: expectation.field,
      }),
    );
  } else if ('noFinding' in expectation) {
    expect(result.findings.map((f) => f.ruleId)).not.toContain(expectation.noFinding);
  } else if ('requires' in expectation) {
    const wanted: Record<string, unknown> = { kind: expectation.requires, ruleId: expectation.ruleId };
    if (expectation.websiteIndex !== undefined) wanted.websiteIndex = expectation.websiteIndex;
    expect(result.requiredMaterials).toContainEqual(expect.objectContaining(wanted));
  } else {
    expect(result.requiredMaterials.map((m) => m.kind)).not.toContain(expectation.notRequires);
  }
}
