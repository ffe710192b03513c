import type { Finding } from '../../domain/precheck/types.ts';
import { type FindingDetail, findingDetail } from './order-guards.ts';

/** Every JSON path present in what the client sent: 'websites', 'websites.0', 'websites.0.name', … */
function sentPaths(value: unknown, prefix: string, into: Set<string>): Set<string> {
  const entries: Array<[string, unknown]> = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : value && typeof value === 'object'
      ? Object.entries(value)
      : [];
  for (const [key, child] of entries) {
    const path = prefix ? `${prefix}.${key}` : key;
    into.add(path);
    sentPaths(child, path, into);
  }
  return into;
}

const parentOf = (field: string): string => field.slice(0, Math.max(0, field.lastIndexOf('.')));

/**
 * The findings about what a save just sent, so the form can mark them at once: a field that was sent, or a field
 * of an object that was sent (e.g. a required field left out of the subject that was saved). Findings elsewhere
 * in the order, and whole-order ones such as missing materials, stay in the view's pre-check.
 */
export function findingsForSavedFields(findings: readonly Finding[], sent: unknown): FindingDetail[] {
  const paths = sentPaths(sent, '', new Set());
  const concerns = (field: string): boolean => {
    if (!field) return false;
    if (paths.has(field)) return true;
    const parent = parentOf(field);
    return parent !== '' && paths.has(parent);
  };
  return findings.filter((f) => concerns(f.field)).map(findingDetail);
}
