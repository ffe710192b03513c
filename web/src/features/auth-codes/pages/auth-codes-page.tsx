import { Alert, Button, Card, Form, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { CopyButton } from '../../../components/copy-button.tsx';
import { ErrorAlert, QueryState } from '../../../components/query-state.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { pick } from '../../../i18n/message.ts';
import { useMe } from '../../auth/api/get-me.ts';
import { useApplyCode } from '../api/apply-code.ts';
import { type AuthorizationCode, useCodes } from '../api/list-codes.ts';
import { type Resource, useResources } from '../api/list-resources.ts';
import { useRevokeCode } from '../api/revoke-code.ts';
import { codeStateLabels, codesText, ineligibleLabels } from '../messages.ts';
import '../auth-codes.css';
import '../../../components/tags.css';

const STATE_COLOUR: Record<AuthorizationCode['state'], string> = {
  unused: 'processing',
  in_filing: 'warning',
  used: 'success',
  invalid: 'default',
};

function ApplyForm({ resources, readOnly }: { resources: Resource[]; readOnly: boolean }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<{ resourceId: string; publicIp?: string }>();
  const resourceId = Form.useWatch('resourceId', form);
  const apply = useApplyCode();
  const resource = resources.find((r) => r.id === resourceId);
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      disabled={readOnly}
      className="codes-apply"
      onFinish={(v) => apply.mutate({ resourceId: v.resourceId, ...(v.publicIp && { publicIp: v.publicIp }) })}
      onFinishFailed={({ errorFields }) => errorFields[0] && form.scrollToField(errorFields[0].name, { focus: true })}
      onValuesChange={(changed) => {
        if ('resourceId' in changed) {
          const r = resources.find((x) => x.id === changed.resourceId);
          form.setFieldValue('publicIp', r?.ipQuotas.find((q) => q.remaining > 0)?.publicIp ?? r?.publicIps[0]);
        }
      }}
    >
      {readOnly && <Alert type="info" showIcon title={t(codesText.subAccountApply)} style={{ marginBottom: 12 }} />}
      <Form.Item
        name="resourceId"
        label={t(codesText.resource)}
        rules={[{ required: true, message: pick(codesText.resourceRequired, locale) }]}
      >
        <Select
          options={resources.map((r) => ({
            value: r.id,
            disabled: !r.eligible,
            label: (
              <span className="codes-option">
                <span>
                  {r.name} · {r.region} · {r.publicIps.join(', ') || '—'}
                </span>
                {!r.eligible && r.ineligibleReason && (
                  <span className="codes-option-reason">{t(ineligibleLabels[r.ineligibleReason])}</span>
                )}
              </span>
            ),
          }))}
        />
      </Form.Item>
      {resource && resource.publicIps.length > 0 && (
        <Form.Item
          name="publicIp"
          label={t(codesText.ip)}
          rules={[{ required: true, message: pick(codesText.ipRequired, locale) }]}
        >
          <Select
            options={resource.ipQuotas.map((q) => ({
              value: q.publicIp,
              disabled: q.remaining <= 0,
              label: t(codesText.remaining, { ip: q.publicIp, n: q.remaining }),
            }))}
          />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={apply.isPending}>
        {t(codesText.apply)}
      </Button>
      <div aria-live="polite" style={{ marginTop: 12 }}>
        {apply.error ? <ErrorAlert error={apply.error} /> : null}
        {apply.data && !apply.isPending && (
          <Alert
            type="success"
            showIcon
            title={t(codesText.applied, { code: apply.data.code })}
            action={
              <CopyButton
                size="small"
                text={apply.data.code}
                label={t(codesText.copyCode, { code: apply.data.code })}
              />
            }
          />
        )}
      </div>
    </Form>
  );
}

function CodesTable({ codes, readOnly }: { codes: AuthorizationCode[]; readOnly: boolean }) {
  const { t } = useI18n();
  const revoke = useRevokeCode();
  const [revoking, setRevoking] = useState<string | null>(null);
  return (
    <>
      <div aria-live="assertive">{revoke.error ? <ErrorAlert error={revoke.error} /> : null}</div>
      <Table<AuthorizationCode>
        rowKey="code"
        dataSource={codes}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 760 }}
        locale={{ emptyText: t(codesText.noCodes) }}
        columns={[
          {
            title: t(codesText.colCode),
            key: 'code',
            render: (_v, c) => (
              <Space size={4} wrap>
                <code className="codes-code">{c.code}</code>
                <CopyButton size="small" text={c.code} label={t(codesText.copyCode, { code: c.code })} />
              </Space>
            ),
          },
          { title: t(codesText.colIp), dataIndex: 'publicIp', key: 'ip' },
          {
            title: t(codesText.colState),
            key: 'state',
            render: (_v, c) => <Tag color={STATE_COLOUR[c.state]}>{t(codeStateLabels[c.state])}</Tag>,
          },
          { title: t(codesText.colIssued), key: 'issued', render: (_v, c) => dayjs(c.issuedAt).format('YYYY-MM-DD') },
          {
            title: t(codesText.colExpires),
            key: 'expires',
            render: (_v, c) => dayjs(c.expiresAt).format('YYYY-MM-DD'),
          },
          {
            title: t(codesText.colUsedBy),
            key: 'used',
            render: (_v, c) =>
              c.orderId ? (
                <Link to={`/orders/${c.orderId}`}>{c.filerName ?? t(codesText.order)}</Link>
              ) : (
                (c.filerName ?? '—')
              ),
          },
          {
            title: t(codesText.colAction),
            key: 'action',
            render: (_v, c) =>
              c.state === 'unused' && !c.inUse && !readOnly ? (
                <Popconfirm
                  title={t(codesText.revokeConfirm)}
                  onConfirm={() => {
                    setRevoking(c.code);
                    revoke.mutate(c.code, { onSettled: () => setRevoking(null) });
                  }}
                >
                  <Button
                    danger
                    size="small"
                    loading={revoking === c.code}
                    aria-label={t(codesText.revokeCode, { code: c.code })}
                  >
                    {t(codesText.revoke)}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    </>
  );
}

export default function AuthCodesPage() {
  const { t } = useI18n();
  const me = useMe();
  const resources = useResources();
  const codes = useCodes();
  const readOnly = me.data?.role !== 'applicant';
  return (
    <div>
      <Typography.Title level={1} className="codes-title">
        {t(codesText.title)}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t(codesText.intro)}</Typography.Paragraph>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card title={<h2 className="codes-card-title">{t(codesText.applyTitle)}</h2>}>
          <QueryState
            query={resources}
            isEmpty={(d) => d.items.length === 0}
            empty={<Typography.Text type="secondary">{t(codesText.noResources)}</Typography.Text>}
          >
            {(d) => <ApplyForm resources={d.items} readOnly={readOnly} />}
          </QueryState>
        </Card>
        <Card title={<h2 className="codes-card-title">{t(codesText.listTitle)}</h2>}>
          <QueryState query={codes}>{(d) => <CodesTable codes={d.items} readOnly={readOnly} />}</QueryState>
        </Card>
      </Space>
    </div>
  );
}
