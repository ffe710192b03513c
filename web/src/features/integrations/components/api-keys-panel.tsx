import { Button, DatePicker, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  type ApiKeyScope,
  type ApiKeyView,
  type Role,
  scopesForRole,
} from '../../../../../src/contracts/integrations-api.ts';
import { ErrorAlert, QueryState } from '../../../components/query-state.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { pick } from '../../../i18n/message.ts';
import { useStaffAccounts } from '../../staff-operations/api/staff-accounts.ts';
import { useCreateApiKey } from '../api/create-api-key.ts';
import { useApiKeys } from '../api/list-api-keys.ts';
import { useRevokeApiKey } from '../api/revoke-api-key.ts';
import type { Audience } from '../api/routes.ts';
import { keysText, scopeLabels } from '../messages.ts';
import { ChecklistField } from './checklist-field.tsx';
import { SecretOnce } from './secret-once.tsx';
import '../../../components/tags.css';

const STATUS_COLOUR = { active: 'success', revoked: 'default', expired: 'warning' } as const;
type FormValues = { name: string; scopes: ApiKeyScope[]; expiresAt?: Dayjs; ownerId?: string };

function StaffOwnerField() {
  const { t, locale } = useI18n();
  const staff = useStaffAccounts();
  return (
    <Form.Item
      name="ownerId"
      label={t(keysText.owner)}
      rules={[{ required: true, message: pick(keysText.ownerRequired, locale) }]}
    >
      <Select
        loading={staff.isPending}
        options={(staff.data?.items ?? [])
          .filter((s) => !s.disabled)
          .map((s) => ({ value: s.id, label: `${s.displayName} · ${s.email}` }))}
      />
    </Form.Item>
  );
}

function CreateKeyForm({ audience, role }: { audience: Audience; role: Role }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateApiKey(audience);
  const [secret, setSecret] = useState<string | null>(null);
  const scopes = audience === 'admin' ? scopesForRole('reviewer') : scopesForRole(role);
  if (secret)
    return (
      <SecretOnce
        title={t(keysText.createdTitle)}
        warning={t(keysText.createdWarning)}
        secret={secret}
        copyLabel={t(keysText.copyKey)}
        doneLabel={t(keysText.done)}
        onDone={() => setSecret(null)}
      />
    );
  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      className="integrations-form"
      initialValues={{ scopes: [scopes[0]] }}
      onFinish={(v) =>
        create.mutate(
          {
            name: v.name,
            scopes: v.scopes,
            ...(v.expiresAt && { expiresAt: v.expiresAt.endOf('day').toISOString() }),
            ...(v.ownerId && { ownerId: v.ownerId }),
          },
          {
            onSuccess: (created) => {
              form.resetFields();
              setSecret(created.secret);
            },
          },
        )
      }
    >
      <Form.Item
        name="name"
        label={t(keysText.name)}
        rules={[{ required: true, whitespace: true, message: pick(keysText.nameRequired, locale) }]}
      >
        <Input maxLength={60} placeholder={t(keysText.namePlaceholder)} />
      </Form.Item>
      {audience === 'admin' && <StaffOwnerField />}
      <ChecklistField
        name="scopes"
        label={t(keysText.scopes)}
        requiredMessage={pick(keysText.scopesRequired, locale)}
        options={scopes.map((value) => ({ value, label: t(scopeLabels[value]) }))}
      />
      <Form.Item name="expiresAt" label={t(keysText.expires)}>
        <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
      </Form.Item>
      <div aria-live="polite">{create.error ? <ErrorAlert error={create.error} /> : null}</div>
      <Button type="primary" htmlType="submit" loading={create.isPending}>
        {t(keysText.create)}
      </Button>
    </Form>
  );
}

function KeysTable({ audience, keys }: { audience: Audience; keys: ApiKeyView[] }) {
  const { t } = useI18n();
  const revoke = useRevokeApiKey(audience);
  const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : t(keysText.never));
  return (
    <>
      <div aria-live="assertive">{revoke.error ? <ErrorAlert error={revoke.error} /> : null}</div>
      <Table<ApiKeyView>
        rowKey="id"
        dataSource={keys}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 820 }}
        locale={{ emptyText: t(keysText.empty) }}
        columns={[
          { title: t(keysText.colName), dataIndex: 'name', key: 'name' },
          { title: t(keysText.colPrefix), key: 'prefix', render: (_v, k) => <code>bk_live_{k.prefix}_…</code> },
          {
            title: t(keysText.colScopes),
            key: 'scopes',
            render: (_v, k) => (
              <Space size={4} wrap>
                {k.scopes.map((s) => (
                  <Tag key={s} title={t(scopeLabels[s])}>
                    {s}
                  </Tag>
                ))}
              </Space>
            ),
          },
          { title: t(keysText.colLastUsed), key: 'used', render: (_v, k) => when(k.lastUsedAt) },
          { title: t(keysText.colCreated), key: 'created', render: (_v, k) => when(k.createdAt) },
          {
            title: t(keysText.colStatus),
            key: 'status',
            render: (_v, k) => <Tag color={STATUS_COLOUR[k.status]}>{t(keysText[k.status])}</Tag>,
          },
          {
            title: t(keysText.colAction),
            key: 'action',
            render: (_v, k) =>
              k.status === 'active' ? (
                <Popconfirm title={t(keysText.revokeConfirm)} onConfirm={() => revoke.mutate(k.id)}>
                  <Button danger size="small" aria-label={t(keysText.revokeKey, { name: k.name })}>
                    {t(keysText.revoke)}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    </>
  );
}

/** Create (secret shown once), list and revoke API keys: an applicant's own, or (admin) the staff tools'. */
export function ApiKeysPanel({ audience, ownerRole }: { audience: Audience; ownerRole: Role }) {
  const { t } = useI18n();
  const keys = useApiKeys(audience);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">
        {t(audience === 'admin' ? keysText.staffIntro : keysText.intro)}
      </Typography.Paragraph>
      <CreateKeyForm audience={audience} role={ownerRole} />
      <QueryState query={keys}>{(d) => <KeysTable audience={audience} keys={d.items} />}</QueryState>
    </Space>
  );
}
