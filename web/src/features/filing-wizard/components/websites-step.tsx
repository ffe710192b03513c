import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import type { Person } from '../../../../../src/contracts/filing-data.ts';
import { PreApprovalSchema, WebsiteSchema } from '../../../../../src/contracts/filing-data.ts';
import {
  ACCESS_METHODS,
  FILING_TYPE_INFO,
  type FilingType,
  PRE_APPROVAL_TYPES,
  SERVICE_CONTENTS,
  WEBSITE_LANGUAGES,
} from '../../../../../src/contracts/reference-data.ts';
import { validateDomain } from '../../../../../src/domain/validation/domain.ts';
import { isPublicIp, validateIp } from '../../../../../src/domain/validation/ip.ts';
import {
  accessMethodLabels,
  preApprovalLabels,
  serviceContentLabels,
  websiteLanguageLabels,
} from '../../../components/vocabulary.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { fieldText } from '../messages.ts';
import { emptyWebsite, MAX_WEBSITES } from '../wizard-model.ts';
import { Field, useFieldContext, useRules } from './field.tsx';
import { PersonFields } from './person-fields.tsx';

const shape = WebsiteSchema.shape;

/** 网站信息: one card per website; 继续添加网站 up to the contract's maximum; 同主体负责人 copies and locks. */
export function WebsitesStep({
  type,
  filedSubjectPerson,
  onCopySubject,
}: {
  type: FilingType;
  /** Copies the subject responsible person into website `index` (unmasking saved values first). */
  onCopySubject: (index: number) => void;
  /** For types without subject data in the order (新增网站 on a filed subject): the filed responsible person. */
  filedSubjectPerson?: Partial<Person> | undefined;
}) {
  const { t } = useI18n();
  const { editable } = useFieldContext();
  const r = useRules();
  const form = Form.useFormInstance();
  const info = FILING_TYPE_INFO[type];
  const canAdd = info.category === 'new' && editable('websites');
  const domainFixedFirst = info.category === 'new' || info.category === 'access';
  const accessOnly = type === 'change_access';
  const subjectPersonInForm = Form.useWatch(['subject', 'responsiblePerson'], form) as Partial<Person> | undefined;
  const subjectPerson = info.carriesSubjectData ? subjectPersonInForm : filedSubjectPerson;
  const subjectPersonReady = Boolean(subjectPerson?.name && subjectPerson.idNumber);

  return (
    <Form.List name="websites">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => {
            const full = (k: string | number) => ['websites', field.name, k];
            const sameChecked = form.getFieldValue(['websites', field.name, 'sameAsSubjectResponsible']) === true;
            return (
              <Card
                key={field.key}
                size="small"
                className="wizard-card"
                title={
                  <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
                    {t(fieldText.websiteCard, { n: index + 1 })}
                  </Typography.Title>
                }
                extra={
                  canAdd && fields.length > 1 ? (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t(fieldText.removeWebsite, { n: index + 1 })}
                      onClick={() => remove(field.name)}
                    />
                  ) : null
                }
              >
                <Row gutter={16}>
                  <Col xs={24} md={12}>
                    <Field
                      name={[field.name, 'name']}
                      fullName={full('name')}
                      label={t(fieldText.websiteName)}
                      locked={accessOnly}
                      extra={t(fieldText.websiteNameHelp)}
                      rules={[r.required(fieldText.websiteName), r.zod(shape.name)]}
                    >
                      <Input />
                    </Field>
                  </Col>
                  <Col xs={24} md={12}>
                    <Field
                      name={[field.name, 'domain']}
                      fullName={full('domain')}
                      label={t(fieldText.domain)}
                      locked={accessOnly || info.category === 'change' || (domainFixedFirst && index === 0)}
                      {...(domainFixedFirst && index === 0 && { extra: t(fieldText.domainFixed) })}
                      rules={[
                        r.required(fieldText.domain),
                        r.zod(shape.domain),
                        r.validator(validateDomain),
                        r.warnings(validateDomain),
                      ]}
                    >
                      <Input inputMode="url" autoComplete="off" />
                    </Field>
                  </Col>
                  <Col xs={24} md={12}>
                    <Field
                      name={[field.name, 'homepageUrl']}
                      fullName={full('homepageUrl')}
                      label={t(fieldText.homepageUrl)}
                      locked={accessOnly}
                      rules={[r.zod(shape.homepageUrl)]}
                    >
                      <Input inputMode="url" placeholder="https://" />
                    </Field>
                  </Col>
                  <Col xs={24} md={12}>
                    <Field
                      name={[field.name, 'serviceContent']}
                      fullName={full('serviceContent')}
                      label={t(fieldText.serviceContent)}
                      locked={accessOnly}
                      rules={[r.required(fieldText.serviceContent, true)]}
                    >
                      <Select
                        placeholder={t(fieldText.choose)}
                        options={SERVICE_CONTENTS.map((v) => ({ value: v, label: t(serviceContentLabels[v]) }))}
                      />
                    </Field>
                  </Col>
                  <Col xs={24} md={12}>
                    <Field
                      name={[field.name, 'languages']}
                      fullName={full('languages')}
                      label={t(fieldText.languages)}
                      locked={accessOnly}
                      rules={[
                        {
                          required: true,
                          type: 'array',
                          min: 1,
                          message: t(fieldText.requiredChoose, { field: t(fieldText.languages) }),
                        },
                      ]}
                    >
                      <Select
                        mode="multiple"
                        placeholder={t(fieldText.choose)}
                        options={WEBSITE_LANGUAGES.map((v) => ({ value: v, label: t(websiteLanguageLabels[v]) }))}
                      />
                    </Field>
                  </Col>
                  <Col xs={24} md={12}>
                    <Field
                      name={[field.name, 'accessMethod']}
                      fullName={full('accessMethod')}
                      label={t(fieldText.accessMethod)}
                      locked={accessOnly}
                      rules={[r.required(fieldText.accessMethod, true)]}
                    >
                      <Select
                        placeholder={t(fieldText.choose)}
                        options={ACCESS_METHODS.map((v) => ({ value: v, label: t(accessMethodLabels[v]) }))}
                      />
                    </Field>
                  </Col>
                  <Col xs={24} md={12}>
                    <Field
                      name={[field.name, 'serverLocation']}
                      fullName={full('serverLocation')}
                      label={t(fieldText.serverLocation)}
                      locked={accessOnly}
                      rules={[r.zod(shape.serverLocation)]}
                    >
                      <Input />
                    </Field>
                  </Col>
                  <Col xs={24} md={12}>
                    <Field
                      name={[field.name, 'authorizationCode']}
                      fullName={full('authorizationCode')}
                      label={t(fieldText.authorizationCode)}
                      extra={t(fieldText.authorizationCodeHelp)}
                      rules={[r.required(fieldText.authorizationCode), r.zod(shape.authorizationCode)]}
                    >
                      <Input autoComplete="off" />
                    </Field>
                  </Col>
                  <Col xs={24}>
                    <IpList listName={[field.name, 'ipAddresses']} fullName={full('ipAddresses')} />
                  </Col>
                  <Col xs={24}>
                    <PreApprovals
                      listName={[field.name, 'preApprovals']}
                      fullName={full('preApprovals')}
                      locked={accessOnly}
                    />
                  </Col>
                </Row>
                <Typography.Title level={4} style={{ fontSize: 15, marginTop: 8 }}>
                  {t(fieldText.websitePerson)}
                </Typography.Title>
                <Field
                  name={[field.name, 'sameAsSubjectResponsible']}
                  fullName={full('sameAsSubjectResponsible')}
                  label={null}
                  valuePropName="checked"
                  locked={accessOnly || (!subjectPersonReady && !sameChecked)}
                  {...(!subjectPersonReady && !sameChecked && { extra: t(fieldText.sameAsSubjectUnavailable) })}
                >
                  <Checkbox
                    onChange={(e) => {
                      if (e.target.checked) onCopySubject(field.name);
                    }}
                  >
                    {t(fieldText.sameAsSubject)}
                  </Checkbox>
                </Field>
                <Form.Item noStyle dependencies={[['websites', field.name, 'sameAsSubjectResponsible']]}>
                  {() => {
                    const same = form.getFieldValue(['websites', field.name, 'sameAsSubjectResponsible']) === true;
                    return (
                      <>
                        {same && (
                          <Alert
                            type="info"
                            showIcon
                            className="wizard-inline-note"
                            title={t(fieldText.sameAsSubjectLocked)}
                          />
                        )}
                        <PersonFields
                          name={[field.name, 'responsiblePerson']}
                          fullName={full('responsiblePerson')}
                          locked={same || accessOnly}
                        />
                      </>
                    );
                  }}
                </Form.Item>
              </Card>
            );
          })}
          {canAdd && (
            <Space>
              <Button
                icon={<PlusOutlined />}
                disabled={fields.length >= MAX_WEBSITES}
                onClick={() => add(emptyWebsite())}
              >
                {t(fieldText.addWebsite)}
              </Button>
              <Typography.Text type="secondary">{t(fieldText.addWebsiteLimit, { max: MAX_WEBSITES })}</Typography.Text>
            </Space>
          )}
        </>
      )}
    </Form.List>
  );
}

function IpList({ listName, fullName }: { listName: (string | number)[]; fullName: (string | number)[] }) {
  const { t, locale } = useI18n();
  const r = useRules();
  const { editable } = useFieldContext();
  const canEdit = editable(fullName.join('.'));
  return (
    <Form.List name={listName}>
      {(fields, { add, remove }) => (
        <fieldset className="wizard-fieldset">
          <legend>{t(fieldText.ipAddresses)}</legend>
          {fields.map((f, i) => (
            <Space key={f.key} align="start" className="wizard-list-row">
              <Field
                name={[f.name]}
                fullName={[...fullName, f.name]}
                label={t(fieldText.ipAddress, { n: i + 1 })}
                rules={[
                  r.required(fieldText.ipAddresses),
                  r.validator(validateIp),
                  r.custom({
                    validator: async (_rule, value) => {
                      if (typeof value === 'string' && validateIp(value).valid && !isPublicIp(value.trim()))
                        throw new Error(t(fieldText.ipPrivate));
                    },
                  }),
                ]}
              >
                <Input inputMode="decimal" autoComplete="off" style={{ width: 220, maxWidth: '100%' }} />
              </Field>
              {fields.length > 1 && canEdit && (
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t(fieldText.removeIp, { n: i + 1 })}
                  onClick={() => remove(f.name)}
                  className="wizard-list-remove"
                />
              )}
            </Space>
          ))}
          {canEdit && fields.length < 10 && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => add('')} lang={locale}>
              {t(fieldText.addIp)}
            </Button>
          )}
        </fieldset>
      )}
    </Form.List>
  );
}

function PreApprovals({
  listName,
  fullName,
  locked,
}: {
  listName: (string | number)[];
  fullName: (string | number)[];
  locked: boolean;
}) {
  const { t } = useI18n();
  const r = useRules();
  const { editable } = useFieldContext();
  const canEdit = !locked && editable(fullName.join('.'));
  return (
    <Form.List name={listName}>
      {(fields, { add, remove }) => (
        <fieldset className="wizard-fieldset">
          <legend>{t(fieldText.preApprovals)}</legend>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t(fieldText.preApprovalsHelp)}
          </Typography.Paragraph>
          {fields.map((f) => (
            <Space key={f.key} align="start" wrap className="wizard-list-row">
              <Field
                name={[f.name, 'type']}
                fullName={[...fullName, f.name, 'type']}
                label={t(fieldText.preApprovalType)}
                locked={locked}
                rules={[r.required(fieldText.preApprovalType, true)]}
              >
                <Select
                  style={{ width: 200 }}
                  placeholder={t(fieldText.choose)}
                  options={PRE_APPROVAL_TYPES.map((v) => ({ value: v, label: t(preApprovalLabels[v]) }))}
                />
              </Field>
              <Field
                name={[f.name, 'permitNumber']}
                fullName={[...fullName, f.name, 'permitNumber']}
                label={t(fieldText.permitNumber)}
                locked={locked}
                rules={[r.required(fieldText.permitNumber), r.zod(PreApprovalSchema.shape.permitNumber)]}
              >
                <Input style={{ width: 220, maxWidth: '100%' }} />
              </Field>
              {canEdit && (
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t(fieldText.removePreApproval)}
                  onClick={() => remove(f.name)}
                  className="wizard-list-remove"
                />
              )}
            </Space>
          ))}
          {canEdit && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => add({})}>
              {t(fieldText.addPreApproval)}
            </Button>
          )}
        </fieldset>
      )}
    </Form.List>
  );
}
