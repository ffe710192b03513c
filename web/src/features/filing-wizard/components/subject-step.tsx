import { Card, Col, Form, Input, Row, Select } from 'antd';
import { SubjectSchema } from '../../../../../src/contracts/filing-data.ts';
import {
  PERSON_ID_TYPES,
  PROVINCES,
  SUBJECT_TYPES,
  UNIT_CERTIFICATE_TYPES,
} from '../../../../../src/contracts/reference-data.ts';
import { validateSubjectCertificate } from '../../../../../src/domain/validation/certificate.ts';
import { certificateTypeLabels, subjectTypeLabels } from '../../../components/vocabulary.ts';
import { issueText } from '../../../forms/validator-messages.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { fieldText } from '../messages.ts';
import { validMoreThan3Months } from '../wizard-model.ts';
import { Field, useFieldContext, useRules } from './field.tsx';
import { PersonFields } from './person-fields.tsx';
import { ValidUntilInput } from './valid-until-input.tsx';

const shape = SubjectSchema.shape;
const s = (k: string) => ['subject', k];

/** 主体信息: where the sponsor is, what it is, its certificate, addresses and responsible person. */
export function SubjectStep() {
  const { t, locale } = useI18n();
  const { today } = useFieldContext();
  const r = useRules();
  const form = Form.useFormInstance();
  const subjectType = Form.useWatch(s('subjectType'), form) as string | undefined;
  const individual = subjectType === 'individual';
  const certificateTypes = individual ? PERSON_ID_TYPES : subjectType ? UNIT_CERTIFICATE_TYPES : [];

  return (
    <>
      <Card title={t(fieldText.sectionLocation)} size="small" className="wizard-card">
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Field
              name={s('province')}
              fullName={s('province')}
              label={t(fieldText.province)}
              rules={[r.required(fieldText.province, true)]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t(fieldText.choose)}
                options={PROVINCES.map((p) => ({ value: p.code, label: locale === 'zh-CN' ? p.nameZh : p.nameEn }))}
              />
            </Field>
          </Col>
          <Col xs={24} md={8}>
            <Field
              name={s('city')}
              fullName={s('city')}
              label={t(fieldText.city)}
              rules={[r.required(fieldText.city), r.zod(shape.city)]}
            >
              <Input />
            </Field>
          </Col>
          <Col xs={24} md={8}>
            <Field
              name={s('district')}
              fullName={s('district')}
              label={t(fieldText.district)}
              rules={[r.zod(shape.district)]}
            >
              <Input />
            </Field>
          </Col>
        </Row>
      </Card>
      <Card title={t(fieldText.sectionCertificate)} size="small" className="wizard-card">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Field
              name={s('subjectType')}
              fullName={s('subjectType')}
              label={t(fieldText.subjectType)}
              rules={[r.required(fieldText.subjectType, true)]}
            >
              <Select
                placeholder={t(fieldText.choose)}
                options={SUBJECT_TYPES.map((v) => ({ value: v, label: t(subjectTypeLabels[v]) }))}
                onChange={(v: string) => {
                  const cert = form.getFieldValue(s('certificateType')) as string | undefined;
                  const fits =
                    v === 'individual'
                      ? (PERSON_ID_TYPES as readonly string[]).includes(cert ?? '')
                      : (UNIT_CERTIFICATE_TYPES as readonly string[]).includes(cert ?? '');
                  if (!fits)
                    form.setFieldValue(s('certificateType'), v === 'individual' ? 'resident_id' : 'business_license');
                }}
              />
            </Field>
          </Col>
          <Col xs={24} md={12}>
            <Field
              name={s('certificateType')}
              fullName={s('certificateType')}
              label={t(fieldText.certificateType)}
              rules={[r.required(fieldText.certificateType, true)]}
            >
              <Select
                placeholder={t(fieldText.choose)}
                options={certificateTypes.map((v) => ({ value: v, label: t(certificateTypeLabels[v]) }))}
              />
            </Field>
          </Col>
          <Col xs={24} md={12}>
            <Field
              name={s('certificateNumber')}
              fullName={s('certificateNumber')}
              label={t(fieldText.certificateNumber)}
              dependencies={[s('certificateType')]}
              rules={[
                r.required(fieldText.certificateNumber),
                r.zod(shape.certificateNumber),
                r.custom(({ getFieldValue }) => ({
                  validator: async (_rule, value) => {
                    if (typeof value !== 'string' || value.trim() === '') return;
                    const type = getFieldValue(s('certificateType'));
                    if (!type) return;
                    const res = validateSubjectCertificate(type, value, today);
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
              name={s('certificateValidUntil')}
              fullName={s('certificateValidUntil')}
              label={t(fieldText.certificateValidUntil)}
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
          <Col xs={24}>
            <Field
              name={s('sponsorName')}
              fullName={s('sponsorName')}
              label={t(fieldText.sponsorName)}
              extra={t(fieldText.sponsorNameHelp)}
              rules={[r.required(fieldText.sponsorName), r.zod(shape.sponsorName)]}
            >
              <Input />
            </Field>
          </Col>
        </Row>
      </Card>
      <Card title={t(fieldText.sectionContact)} size="small" className="wizard-card">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Field
              name={s('certificateAddress')}
              fullName={s('certificateAddress')}
              label={t(fieldText.certificateAddress)}
              rules={[r.required(fieldText.certificateAddress), r.zod(shape.certificateAddress)]}
            >
              <Input />
            </Field>
          </Col>
          <Col xs={24} md={12}>
            <Field
              name={s('mailingAddress')}
              fullName={s('mailingAddress')}
              label={t(fieldText.mailingAddress)}
              extra={t(fieldText.mailingAddressHelp)}
              rules={[r.required(fieldText.mailingAddress), r.zod(shape.mailingAddress)]}
            >
              <Input />
            </Field>
          </Col>
          {!individual && (
            <Col xs={24} md={12}>
              <Field
                name={s('investorOrSupervisor')}
                fullName={s('investorOrSupervisor')}
                label={t(fieldText.investor)}
                rules={[r.required(fieldText.investor), r.zod(shape.investorOrSupervisor)]}
              >
                <Input />
              </Field>
            </Col>
          )}
          <Col xs={24} md={individual ? 24 : 12}>
            <Field
              name={s('remarks')}
              fullName={s('remarks')}
              label={t(fieldText.remarks)}
              rules={[r.zod(shape.remarks)]}
            >
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
            </Field>
          </Col>
        </Row>
      </Card>
      <Card title={t(fieldText.subjectPerson)} size="small" className="wizard-card">
        <PersonFields name={['subject', 'responsiblePerson']} fullName={['subject', 'responsiblePerson']} />
      </Card>
    </>
  );
}
