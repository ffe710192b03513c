import { Col, Input, Radio, Row, Select } from 'antd';
import { PersonSchema } from '../../../../../src/contracts/filing-data.ts';
import { PERSON_ID_TYPES } from '../../../../../src/contracts/reference-data.ts';
import { validatePersonId } from '../../../../../src/domain/validation/certificate.ts';
import { validateEmail } from '../../../../../src/domain/validation/email.ts';
import { personIdTypeLabels } from '../../../components/vocabulary.ts';
import { issueText } from '../../../forms/validator-messages.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { fieldText, wizardText } from '../messages.ts';
import { validMoreThan3Months } from '../wizard-model.ts';
import { Field, useFieldContext, useRules } from './field.tsx';
import { ValidUntilInput } from './valid-until-input.tsx';

const shape = PersonSchema.shape;
const loadMobile = () => import('../../../../../src/domain/validation/phone.ts').then((m) => m.validateMobile);
const loadPhone = () => import('../../../../../src/domain/validation/phone.ts').then((m) => m.validatePhone);

/** The responsible person (主体负责人 / 网站负责人): name, ID, validity, phones, e-mail, legal person. */
export function PersonFields({
  name,
  fullName,
  locked,
}: {
  /** Path of the person inside the enclosing list item or form. */
  name: (string | number)[];
  /** Full path of the person in the form. */
  fullName: (string | number)[];
  locked?: boolean;
}) {
  const { t, locale } = useI18n();
  const { today } = useFieldContext();
  const r = useRules();
  const n = (k: string) => [...name, k];
  const f = (k: string) => [...fullName, k];
  const idTypeOptions = PERSON_ID_TYPES.map((v) => ({ value: v, label: t(personIdTypeLabels[v]) }));

  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Field
          name={n('name')}
          fullName={f('name')}
          label={t(fieldText.personName)}
          locked={locked}
          rules={[r.required(fieldText.personName), r.zod(shape.name)]}
        >
          <Input autoComplete="off" />
        </Field>
      </Col>
      <Col xs={24} md={12}>
        <Field
          name={n('idType')}
          fullName={f('idType')}
          label={t(fieldText.idType)}
          locked={locked}
          rules={[r.required(fieldText.idType, true)]}
        >
          <Select options={idTypeOptions} placeholder={t(fieldText.choose)} />
        </Field>
      </Col>
      <Col xs={24} md={12}>
        <Field
          name={n('idNumber')}
          fullName={f('idNumber')}
          label={t(fieldText.idNumber)}
          locked={locked}
          dependencies={[f('idType')]}
          rules={[
            r.required(fieldText.idNumber),
            r.zod(shape.idNumber),
            r.custom(({ getFieldValue }) => ({
              validator: async (_rule, value) => {
                if (typeof value !== 'string' || value.trim() === '') return;
                const idType = getFieldValue(f('idType'));
                if (!idType) return;
                const res = validatePersonId(idType, value, today);
                if (!res.valid && res.errors[0]) throw new Error(issueText(res.errors[0], locale));
              },
            })),
          ]}
        >
          <Input autoComplete="off" />
        </Field>
      </Col>
      <Col xs={24} md={12}>
        <Field
          name={n('idValidUntil')}
          fullName={f('idValidUntil')}
          label={t(fieldText.idValidUntil)}
          locked={locked}
          rules={[
            { required: true, message: t(fieldText.validUntilFormat) },
            r.custom({
              validator: async (_rule, value) => {
                if (typeof value === 'string' && !validMoreThan3Months(value, today))
                  throw new Error(t(fieldText.validTooShort));
              },
            }),
          ]}
        >
          <ValidUntilInput />
        </Field>
      </Col>
      <Col xs={24} md={12}>
        <Field
          name={n('mobile')}
          fullName={f('mobile')}
          label={t(fieldText.mobile)}
          locked={locked}
          extra={t(fieldText.mobileHelp)}
          rules={[r.required(fieldText.mobile), r.zod(shape.mobile), r.lazy(loadMobile)]}
        >
          <Input inputMode="tel" autoComplete="off" />
        </Field>
      </Col>
      <Col xs={24} md={12}>
        <Field
          name={n('emergencyPhone')}
          fullName={f('emergencyPhone')}
          label={t(fieldText.emergencyPhone)}
          locked={locked}
          rules={[r.required(fieldText.emergencyPhone), r.zod(shape.emergencyPhone), r.lazy(loadPhone)]}
        >
          <Input inputMode="tel" autoComplete="off" />
        </Field>
      </Col>
      <Col xs={24} md={12}>
        <Field
          name={n('email')}
          fullName={f('email')}
          label={t(fieldText.email)}
          locked={locked}
          rules={[r.required(fieldText.email), r.zod(shape.email), r.validator(validateEmail)]}
        >
          <Input inputMode="email" autoComplete="off" />
        </Field>
      </Col>
      <Col xs={24} md={12}>
        <Field
          name={n('isLegalPerson')}
          fullName={f('isLegalPerson')}
          label={t(fieldText.isLegalPerson)}
          locked={locked}
          extra={t(fieldText.notLegalPersonHint)}
          rules={[{ required: true, message: t(fieldText.requiredChoose, { field: t(fieldText.isLegalPerson) }) }]}
        >
          <Radio.Group
            options={[
              { value: true, label: t(wizardText.yes) },
              { value: false, label: t(wizardText.no) },
            ]}
          />
        </Field>
      </Col>
    </Row>
  );
}
