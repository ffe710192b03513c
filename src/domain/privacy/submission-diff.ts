import type { OrderData } from '../../contracts/filing-data.ts';
import { maskOrderData } from './mask.ts';

export type FieldChange = { field: string; before: string | null; after: string | null };

/** Every leaf of the order data by its path (`websites.0.responsiblePerson.mobile`), arrays by index. */
function leaves(value: unknown, path: string, out: Map<string, string>): Map<string, string> {
  if (value === undefined || value === null) return out;
  if (Array.isArray(value)) {
    // A list of plain values (languages, IP addresses) is one field.
    if (value.every((v) => typeof v !== 'object' || v === null)) {
      if (value.length > 0) out.set(path, value.join(', '));
      return out;
    }
    value.forEach((v, i) => {
      leaves(v, path ? `${path}.${i}` : String(i), out);
    });
    return out;
  }
  if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
    return out;
  }
  out.set(path, String(value));
  return out;
}

/**
 * What changed between two submissions, field by field. Compared on the real values (a new ID number with the
 * same first and last digits is still a change), shown masked like everywhere else.
 */
export function submissionDiff(before: OrderData, after: OrderData): FieldChange[] {
  const [plainBefore, plainAfter] = [leaves(before, '', new Map()), leaves(after, '', new Map())];
  const [shownBefore, shownAfter] = [
    leaves(maskOrderData(before), '', new Map()),
    leaves(maskOrderData(after), '', new Map()),
  ];
  const fields = [...new Set([...plainBefore.keys(), ...plainAfter.keys()])];
  return fields
    .filter((f) => plainBefore.get(f) !== plainAfter.get(f))
    .map((field) => ({ field, before: shownBefore.get(field) ?? null, after: shownAfter.get(field) ?? null }));
}
