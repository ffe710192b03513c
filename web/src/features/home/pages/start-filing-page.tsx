import { Alert, Button, Card, Checkbox, Form, Input, Result, Select, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { OrderData } from '../../../../../src/contracts/filing-data.ts';
import {
  PERSON_ID_TYPES,
  PROVINCES,
  type ProvinceCode,
  SUBJECT_TYPES,
  UNIT_CERTIFICATE_TYPES,
} from '../../../../../src/contracts/reference-data.ts';
import { validateSubjectCertificate } from '../../../../../src/domain/validation/certificate.ts';
import { validateDomain } from '../../../../../src/domain/validation/domain.ts';
import { parseIcpNumber } from '../../../../../src/domain/validation/icp-number.ts';
import { ErrorAlert, QueryState } from '../../../components/query-state.tsx';
import { certificateTypeLabels, subjectTypeLabels } from '../../../components/vocabulary.ts';
import { requiredRule, validatorRule } from '../../../forms/rules.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { pick } from '../../../i18n/message.ts';
import { useMe } from '../../auth/api/get-me.ts';
import { useDetermineType } from '../../orders/api/determine-type.ts';
import { useRecords } from '../../orders/api/get-records.ts';
import { useStartOrder } from '../../orders/api/start-order.ts';
import { usePrefillOrder } from '../api/prefill-order.ts';
import { DeterminedTypeCard, FileWebsiteEntry, normalizedDomain } from '../components/file-website-entry.tsx';
import { homeText, startText } from '../messages.ts';
import '../home.css';

type SubjectType = (typeof SUBJECT_TYPES)[number];
type CertType = (typeof UNIT_CERTIFICATE_TYPES)[number] | (typeof PERSON_ID_TYPES)[number];
type Values = {
  province: ProvinceCode;
  subjectType: SubjectType;
  certificateType: CertType;
  certificateNumber: string;
  subjectAlreadyFiled: boolean;
  subjectFilingNumber?: string;
  domain: string;
};

const certificateTypesFor = (s: SubjectType | undefined): readonly CertType[] =>
  s === 'individual' ? PERSON_ID_TYPES : UNIT_CERTIFICATE_TYPES;

/** View A's validation step (验证): the answers, then the type the system chose and why, then the order. */
function ValidationForm() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const subjectType = Form.useWatch('subjectType', form);
  const certificateType = Form.useWatch('certificateType', form);
  const filed = Form.useWatch('subjectAlreadyFiled', form);
  const domain = Form.useWatch('domain', form);
  const determine = useDetermineType();
  const start = useStartOrder();
  const prefill = usePrefillOrder();
  const key = useRef(crypto.randomUUID());
  const [checked, setChecked] = useState<Values | null>(null);
  const [invalid, setInvalid] = useState(false);
  const normal = normalizedDomain(domain);
  const zh = locale === 'zh-CN';

  const requestOf = (v: Values) => ({
    kind: 'new' as const,
    domain: v.domain,
    subjectAlreadyFiled: Boolean(v.subjectAlreadyFiled),
    ...(v.subjectAlreadyFiled && v.subjectFilingNumber && { subjectFilingNumber: v.subjectFilingNumber }),
  });

  const onFinish = (v: Values) => {
    setInvalid(false);
    key.current = crypto.randomUUID();
    setChecked(v);
    determine.mutate(requestOf(v));
  };

  const onContinue = () => {
    if (!checked) return;
    start.mutate(
      { body: requestOf(checked), idempotencyKey: key.current },
      {
        onSuccess: (order) => {
          const go = () => navigate(`/orders/${order.id}/edit`);
          // Types that carry the subject get the answers as their first draft; the others edit no subject.
          if (!order.data.subject) return go();
          const certificateNumber =
            validateSubjectCertificate(checked.certificateType, checked.certificateNumber, new Date()).normalized ??
            checked.certificateNumber.trim();
          const data: OrderData = {
            ...order.data,
            subject: {
              ...order.data.subject,
              province: order.data.subject.province ?? checked.province,
              subjectType: checked.subjectType,
              certificateType: checked.certificateType,
              certificateNumber,
            },
          };
          // The wizard opens either way: a failed prefill only means typing the answers again there.
          prefill.mutate({ id: order.id, version: order.version, data }, { onSettled: go });
        },
      },
    );
  };

  const stale =
    checked !== null &&
    (checked.domain !== domain ||
      Boolean(checked.subjectAlreadyFiled) !== Boolean(filed) ||
      (filed && checked.subjectFilingNumber !== form.getFieldValue('subjectFilingNumber')));

  return (
    <>
      <Form<Values>
        form={form}
        className="start-form"
        layout="vertical"
        requiredMark={false}
        initialValues={{ subjectAlreadyFiled: false }}
        onFinish={onFinish}
        onFinishFailed={({ errorFields }) => {
          setInvalid(true);
          if (errorFields[0]) form.scrollToField(errorFields[0].name, { focus: true });
        }}
        onValuesChange={(changed: Partial<Values>) => {
          if ('subjectType' in changed) {
            const allowed = certificateTypesFor(changed.subjectType);
            const current = form.getFieldValue('certificateType') as CertType | undefined;
            if (current && !allowed.includes(current)) form.setFieldValue('certificateType', undefined);
            if (!current || !allowed.includes(current))
              form.setFieldValue(
                'certificateType',
                changed.subjectType === 'individual'
                  ? 'resident_id'
                  : changed.subjectType === 'enterprise'
                    ? 'business_license'
                    : undefined,
              );
          }
          if ('certificateType' in changed && form.getFieldValue('certificateNumber'))
            void form.validateFields(['certificateNumber']);
        }}
      >
        <div aria-live="assertive">
          {invalid && (
            <Alert type="error" role="alert" showIcon title={t(startText.fixErrors)} style={{ marginBottom: 16 }} />
          )}
        </div>
        <Form.Item
          name="province"
          label={t(startText.province)}
          extra={t(startText.provinceHint)}
          rules={[{ required: true, message: pick(startText.provinceRequired, locale) }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={PROVINCES.map((p) => ({ value: p.code, label: zh ? p.nameZh : p.nameEn }))}
          />
        </Form.Item>
        <Form.Item
          name="subjectType"
          label={t(startText.subjectType)}
          rules={[{ required: true, message: pick(startText.subjectTypeRequired, locale) }]}
        >
          <Select options={SUBJECT_TYPES.map((s) => ({ value: s, label: t(subjectTypeLabels[s]) }))} />
        </Form.Item>
        <Form.Item
          name="certificateType"
          label={t(startText.certificateType)}
          rules={[{ required: true, message: pick(startText.certificateTypeRequired, locale) }]}
        >
          <Select
            options={certificateTypesFor(subjectType).map((c) => ({ value: c, label: t(certificateTypeLabels[c]) }))}
          />
        </Form.Item>
        <Form.Item
          name="certificateNumber"
          label={t(startText.certificateNumber)}
          rules={[
            requiredRule(locale, startText.certificateNumberRequired),
            validatorRule((v) => validateSubjectCertificate(certificateType ?? 'other', v, new Date()), locale),
          ]}
        >
          <Input autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item name="subjectAlreadyFiled" valuePropName="checked" extra={t(startText.subjectFiledHint)}>
          <Checkbox>{t(startText.subjectFiled)}</Checkbox>
        </Form.Item>
        {filed && (
          <Form.Item
            name="subjectFilingNumber"
            label={t(startText.subjectNumber)}
            rules={[
              requiredRule(locale, startText.subjectNumberRequired),
              validatorRule(parseIcpNumber, locale),
              {
                validator: async (_r, v) => {
                  const p = typeof v === 'string' && v.trim() ? parseIcpNumber(v) : null;
                  if (p?.valid && p.info?.kind === 'website') throw new Error(t(startText.subjectNumberNotWebsite));
                },
              },
            ]}
          >
            <Input autoComplete="off" spellCheck={false} placeholder={t(homeText.subjectNumberExample)} />
          </Form.Item>
        )}
        <Form.Item
          name="domain"
          label={t(startText.domain)}
          extra={normal ? t(homeText.normalizedDomain, { domain: normal }) : t(startText.domainHint)}
          rules={[requiredRule(locale, homeText.domainRequired), validatorRule(validateDomain, locale)]}
        >
          <Input autoComplete="off" spellCheck={false} inputMode="url" placeholder="example.cn" />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={determine.isPending}>
            {t(startText.verify)}
          </Button>
          <Link to="/">{t(startText.backHome)}</Link>
        </Space>
      </Form>
      <div aria-live="polite" className="start-form" style={{ marginTop: 16 }}>
        {determine.error ? <ErrorAlert error={determine.error} /> : null}
        {determine.data && !stale && !determine.isPending ? (
          <DeterminedTypeCard
            result={determine.data}
            onContinue={onContinue}
            pending={start.isPending || prefill.isPending}
            error={start.error}
          />
        ) : null}
      </div>
    </>
  );
}

export default function StartFilingPage() {
  const { t } = useI18n();
  const me = useMe();
  const records = useRecords();
  const user = me.data;
  return (
    <div>
      <Typography.Title level={1} className="page-title">
        {t(startText.title)}
      </Typography.Title>
      {user?.role === 'sub_account' ? (
        <Result
          status="warning"
          title={t(startText.subAccountTitle)}
          subTitle={t(startText.subAccountBody)}
          extra={<Link to="/records">{t(homeText.websitesTitle)}</Link>}
        />
      ) : user && !user.realNameVerified ? (
        <Result
          status="warning"
          title={t(startText.notVerifiedTitle)}
          subTitle={t(startText.notVerifiedBody)}
          extra={<Link to="/">{t(startText.backHome)}</Link>}
        />
      ) : (
        <QueryState query={records}>
          {(r) => {
            const startAction = r.actions.find((a) => a.action === 'file_website');
            if (r.subject)
              return (
                <Space direction="vertical" size={16} style={{ width: '100%' }}>
                  <Alert
                    type="info"
                    showIcon
                    title={t(startText.hasSubjectTitle)}
                    description={t(startText.hasSubjectBody)}
                  />
                  <FileWebsiteEntry
                    disabledReason={
                      startAction?.reason
                        ? t({ zh: startAction.reason.message.zhCN, en: startAction.reason.message.enUS })
                        : undefined
                    }
                  />
                </Space>
              );
            return (
              <Card>
                <Typography.Paragraph>{t(startText.intro)}</Typography.Paragraph>
                {startAction?.reason && (
                  <Alert
                    type="warning"
                    showIcon
                    style={{ marginBottom: 16 }}
                    title={t({ zh: startAction.reason.message.zhCN, en: startAction.reason.message.enUS })}
                    action={
                      r.openOrder ? (
                        <Link
                          to={
                            r.openOrder.state === 'draft'
                              ? `/orders/${r.openOrder.id}/edit`
                              : `/orders/${r.openOrder.id}`
                          }
                        >
                          {t(homeText.openOrderLink)}
                        </Link>
                      ) : undefined
                    }
                  />
                )}
                <ValidationForm />
              </Card>
            );
          }}
        </QueryState>
      )}
    </div>
  );
}
