import type { FormInstance } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { fieldName } from '../../forms/rules.ts';
import type { Bilingual } from '../../i18n/message.ts';
import { pathOf, pathWithin } from './wizard-model.ts';

/** A message about one field from the server: a pre-check finding or a rejection reason. */
export type FieldNote = {
  field: string;
  severity: 'block' | 'warn' | 'reviewer-check' | 'rejection';
  message: Bilingual | string;
  fix?: Bilingual | string | undefined;
  ruleId?: string;
};

/**
 * A refused request that names one field (an authorization code in use, invalid, or on a released server) as a
 * note on that field, so the applicant lands where the fix goes. Null when the error names no field.
 */
export function fieldNoteOfError(e: unknown): FieldNote | null {
  const field = e instanceof ApiError ? (e.details as { field?: unknown } | undefined)?.field : undefined;
  if (typeof field !== 'string') return null;
  const { message } = errorMessage(e);
  return { field, severity: 'block', ruleId: (e as ApiError).code, message: { zhCN: message.zh, enUS: message.en } };
}

/**
 * The registered form field a path lands on: the field itself, or for a path naming an object
 * (`websites.0.responsiblePerson`) its first field. Null when the form has no such field (e.g. materials).
 */
export function resolveField(form: FormInstance, path: string): (string | number)[] | null {
  const names = form.getFieldsError().map((f) => f.name as (string | number)[]);
  const exact = names.find((n) => pathOf(n) === path);
  if (exact) return exact;
  return names.find((n) => pathWithin(pathOf(n), path)) ?? null;
}

/**
 * Puts server messages on their fields (blocking ones as errors, the rest as warnings) with the fix, and
 * clears the ones it put there before that no longer apply. Returns what it applied, for the next call.
 */
export function applyFieldNotes(
  form: FormInstance,
  notes: FieldNote[],
  text: (m: Bilingual | string) => string,
  fixText: (fix: string) => string,
  previous: Map<string, string[]>,
): Map<string, string[]> {
  const applied = new Map<string, { name: (string | number)[]; errors: string[]; warnings: string[] }>();
  for (const note of notes) {
    const name = resolveField(form, note.field) ?? null;
    if (!name) continue;
    const key = pathOf(name);
    const entry = applied.get(key) ?? { name, errors: [], warnings: [] };
    const lines = [text(note.message), ...(note.fix ? [fixText(text(note.fix))] : [])];
    if (note.severity === 'block' || note.severity === 'rejection') entry.errors.push(...lines);
    else entry.warnings.push(...lines);
    applied.set(key, entry);
  }
  const fields: { name: NamePath; errors?: string[]; warnings?: string[] }[] = [];
  for (const [key, lines] of previous) {
    if (applied.has(key)) continue;
    const name = fieldName(key);
    const current = form.getFieldError(name);
    // Only clear what this function put there; the field's own validation messages stay.
    if (current.every((e) => lines.includes(e))) fields.push({ name, errors: [], warnings: [] });
  }
  const next = new Map<string, string[]>();
  for (const [key, entry] of applied) {
    const own = form.getFieldError(entry.name).filter((e) => !(previous.get(key) ?? []).includes(e));
    fields.push({ name: entry.name, errors: [...new Set([...own, ...entry.errors])], warnings: entry.warnings });
    next.set(key, [...entry.errors, ...entry.warnings]);
  }
  if (fields.length > 0) form.setFields(fields);
  return next;
}

export const noteText = (m: Bilingual | string, locale: 'zh-CN' | 'en-US') =>
  typeof m === 'string' ? m : locale === 'zh-CN' ? m.zhCN : m.enUS;
