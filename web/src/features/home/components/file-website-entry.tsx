import { Alert, Button, Card, Descriptions, Form, Input, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { validateDomain } from '../../../../../src/domain/validation/domain.ts';
import { ErrorAlert } from '../../../components/query-state.tsx';
import { requiredRule, validatorRule } from '../../../forms/rules.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type DeterminedType, useDetermineType } from '../../orders/api/determine-type.ts';
import { useStartOrder } from '../../orders/api/start-order.ts';
import { homeText, startText } from '../messages.ts';

/** The normalised domain (www. removed, lower case, IDN shown in Unicode) once the input is valid. */
export function normalizedDomain(v: unknown): string | null {
  if (typeof v !== 'string' || v.trim() === '') return null;
  const r = validateDomain(v);
  return r.valid ? (r.info?.unicode ?? r.normalized) : null;
}

/** The result of the 验证 step: the type the system chose and why, with the one "continue". */
export function DeterminedTypeCard({
  result,
  onContinue,
  pending,
  error,
}: {
  result: DeterminedType;
  onContinue: () => void;
  pending: boolean;
  error: unknown;
}) {
  const { t, ts } = useI18n();
  return (
    <Card className="home-result" role="status" aria-live="polite">
      <Typography.Title level={3} style={{ fontSize: 18, marginTop: 0 }}>
        {t(startText.resultTitle, {
          type: t(homeText.typeWithCode, { name: ts(result.typeName), code: result.typeCode }),
        })}
      </Typography.Title>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t(homeText.domain)}>{result.domain}</Descriptions.Item>
        <Descriptions.Item label={t(homeText.status)}>
          {t(result.domainFiled ? startText.domainFiled : startText.domainNotFiled)}
        </Descriptions.Item>
        <Descriptions.Item label={t(homeText.whyTitle)}>{ts(result.reason.message)}</Descriptions.Item>
      </Descriptions>
      {error ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={error} />
        </div>
      ) : null}
      <Button type="primary" onClick={onContinue} loading={pending}>
        {t(homeText.continue)}
      </Button>
    </Card>
  );
}

/**
 * View B's one "file a website" entry: the domain alone; the system decides 新增网站 or 新增接入 and says why
 * before anything is created.
 */
export function FileWebsiteEntry({ disabledReason }: { disabledReason?: string | undefined }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<{ domain: string }>();
  const domain = Form.useWatch('domain', form);
  const determine = useDetermineType();
  const start = useStartOrder();
  const navigate = useNavigate();
  const key = useRef<string>(crypto.randomUUID());
  const [checked, setChecked] = useState<string | null>(null);
  const normal = normalizedDomain(domain);

  const onFinish = ({ domain: d }: { domain: string }) => {
    key.current = crypto.randomUUID();
    setChecked(d);
    determine.mutate({ kind: 'new', domain: d });
  };
  const onContinue = () =>
    start.mutate(
      { body: { kind: 'new', domain: checked ?? '' }, idempotencyKey: key.current },
      { onSuccess: (order) => navigate(`/orders/${order.id}/edit`) },
    );
  const stale = checked !== null && checked !== domain;

  return (
    <Card title={<h2 className="card-title">{t(homeText.fileWebsiteTitle)}</h2>}>
      <Typography.Paragraph type="secondary">{t(homeText.fileWebsiteHint)}</Typography.Paragraph>
      {disabledReason && <Alert type="info" showIcon title={disabledReason} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        requiredMark={false}
        disabled={Boolean(disabledReason)}
        onFinishFailed={({ errorFields }) => errorFields[0] && form.scrollToField(errorFields[0].name, { focus: true })}
      >
        <Form.Item
          name="domain"
          label={t(homeText.domain)}
          rules={[requiredRule(locale, homeText.domainRequired), validatorRule(validateDomain, locale)]}
          extra={normal ? t(homeText.normalizedDomain, { domain: normal }) : t(startText.domainHint)}
        >
          <Input autoComplete="off" spellCheck={false} inputMode="url" placeholder="example.cn" />
        </Form.Item>
        <Space wrap>
          <Button htmlType="submit" loading={determine.isPending}>
            {t(homeText.checkType)}
          </Button>
        </Space>
      </Form>
      <div aria-live="polite" style={{ marginTop: 16 }}>
        {determine.error ? <ErrorAlert error={determine.error} /> : null}
        {determine.data && !stale && !determine.isPending ? (
          <DeterminedTypeCard
            result={determine.data}
            onContinue={onContinue}
            pending={start.isPending}
            error={start.error}
          />
        ) : null}
      </div>
    </Card>
  );
}
