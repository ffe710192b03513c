import type { Rule } from 'antd/es/form';
import type { z } from 'zod';
import type { ValidationResult } from '../../../src/domain/validation/types.ts';
import type { Locale, Message } from '../i18n/message.ts';
import { pick } from '../i18n/message.ts';
import { issueText } from './validator-messages.ts';

/**
 * antd Form rules built from the shared code: the contract's zod schema for structure and length, the pure
 * validators for formats (checksums, phone ranges, domains). Both run as the user types. Empty values pass
 * here: whether a field is required is a separate `required` rule with its own message.
 */
export const zodRule = (schema: z.ZodType, locale: Locale, message?: Message): Rule => ({
  validator: async (_rule, value) => {
    if (value === undefined || value === null || value === '') return;
    const r = schema.safeParse(value);
    if (!r.success) throw new Error(message ? pick(message, locale) : r.error.issues[0]?.message);
  },
});

/** A rule from a validator; warnings are not errors (the form may show them with `warningOnly`). */
export const validatorRule = (validate: (v: string) => ValidationResult<unknown>, locale: Locale): Rule => ({
  validator: async (_rule, value) => {
    if (typeof value !== 'string' || value.trim() === '') return;
    const r = validate(value);
    if (!r.valid && r.errors[0]) throw new Error(issueText(r.errors[0], locale));
  },
});

/** The same for a validator that loads on first use (phone.ts pulls in libphonenumber, ~120 kB). */
export const lazyValidatorRule = (
  load: () => Promise<(v: string) => ValidationResult<unknown>>,
  locale: Locale,
): Rule => ({
  validator: async (_rule, value) => {
    if (typeof value !== 'string' || value.trim() === '') return;
    const r = (await load())(value);
    if (!r.valid && r.errors[0]) throw new Error(issueText(r.errors[0], locale));
  },
});

export const requiredRule = (locale: Locale, message: Message): Rule => ({
  required: true,
  whitespace: true,
  message: pick(message, locale),
});

/**
 * A finding's or rejection's path (`websites.0.responsiblePerson.mobile`) as an antd field name
 * (['websites', 0, 'responsiblePerson', 'mobile']).
 */
export const fieldName = (path: string): (string | number)[] =>
  path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
