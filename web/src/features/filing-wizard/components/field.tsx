import { Form } from 'antd';
import type { Rule } from 'antd/es/form';
import type { NamePath } from 'antd/es/form/interface';
import { cloneElement, createContext, type ReactElement, type ReactNode, useContext } from 'react';
import type { z } from 'zod';
import type { ValidationResult } from '../../../../../src/domain/validation/types.ts';
import { lazyValidatorRule, validatorRule, zodRule } from '../../../forms/rules.ts';
import { issueText } from '../../../forms/validator-messages.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Message } from '../../../i18n/message.ts';
import { fieldText } from '../messages.ts';
import { pathOf } from '../wizard-model.ts';

/** What every field of the wizard needs to know: may it be edited, and which values are server masks. */
export type WizardFieldContext = {
  editable: (path: string) => boolean;
  masked: ReadonlySet<string>;
  /** Today for date-bound validators (birth dates, validity); injectable for tests. */
  today: Date;
};

export const FieldContext = createContext<WizardFieldContext>({
  editable: () => true,
  masked: new Set(),
  today: new Date(),
});
export const useFieldContext = () => useContext(FieldContext);

type Validate = (v: string) => ValidationResult<unknown>;

/** Builds the rules of a field; every rule lets an unchanged masked value through (the server keeps it). */
export function useRules() {
  const { locale, t } = useI18n();
  const { masked } = useFieldContext();
  const skipMasked =
    (rule: Rule): Rule =>
    (form) => {
      const r = typeof rule === 'function' ? rule(form) : rule;
      const inner = r.validator;
      if (!inner) return r;
      return {
        ...r,
        validator: (rr, value, cb) =>
          typeof value === 'string' && masked.has(value) ? Promise.resolve() : inner(rr, value, cb),
      };
    };
  return {
    required: (label: Message, choose = false): Rule => ({
      required: true,
      whitespace: !choose,
      message: t(choose ? fieldText.requiredChoose : fieldText.required, { field: t(label) }),
    }),
    zod: (schema: z.ZodType) => skipMasked(zodRule(schema, locale)),
    validator: (validate: Validate) => skipMasked(validatorRule(validate, locale)),
    lazy: (load: () => Promise<Validate>) => skipMasked(lazyValidatorRule(load, locale)),
    /** The validator's warnings (e.g. “www. removed”), shown in amber without blocking. */
    warnings: (validate: Validate): Rule =>
      skipMasked({
        warningOnly: true,
        validator: async (_r, value) => {
          if (typeof value !== 'string' || value.trim() === '') return;
          const r = validate(value);
          if (r.valid && r.warnings[0]) throw new Error(issueText(r.warnings[0], locale));
        },
      }),
    custom: (rule: Rule) => skipMasked(rule),
  };
}

/**
 * One form field of the wizard: validates as the user types and on leaving, and is disabled when a rejection
 * leaves it locked or `locked` says so (e.g. copied from the subject responsible person).
 */
export function Field({
  name,
  fullName,
  label,
  rules,
  help,
  extra,
  locked,
  children,
  valuePropName,
  dependencies,
  className,
}: {
  /** The name inside the enclosing Form.List item (or the full name outside one). */
  name: (string | number)[];
  /** The full path in the form, for the editability check. */
  fullName: (string | number)[];
  label: ReactNode;
  rules?: Rule[];
  help?: ReactNode;
  extra?: ReactNode;
  locked?: boolean;
  children: ReactElement<{ disabled?: boolean }>;
  valuePropName?: string;
  dependencies?: NamePath[];
  className?: string;
}) {
  const { editable } = useFieldContext();
  const disabled = locked === true || !editable(pathOf(fullName));
  return (
    <Form.Item
      name={name}
      label={label}
      rules={rules}
      validateTrigger={['onChange', 'onBlur']}
      {...(help !== undefined && { help })}
      {...(extra !== undefined && { extra })}
      {...(valuePropName && { valuePropName })}
      {...(dependencies && { dependencies })}
      {...(className && { className })}
    >
      {cloneElement(children, { disabled })}
    </Form.Item>
  );
}
