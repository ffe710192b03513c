import { App, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { NewPasswordSchema } from '../../../../../src/contracts/auth-api.ts';
import type { StaffAccount } from '../../../../../src/contracts/operations-api.ts';
import { QueryState } from '../../../components/query-state.tsx';
import { zodRule } from '../../../forms/rules.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Message } from '../../../i18n/message.ts';
import { useMe } from '../../auth/api/get-me.ts';
import { useCreateStaff, useResetSecondFactor, useStaffAccounts, useUpdateStaff } from '../api/staff-accounts.ts';
import { op } from '../messages.ts';

type Role = StaffAccount['role'];
const ROLE_LABELS: Record<Role, Message> = {
  reviewer: op.roleReviewer,
  senior_reviewer: op.roleSenior,
  admin: op.roleAdmin,
};

function ChangeDialog({ account, onClose }: { account: StaffAccount; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const update = useUpdateStaff();
  const [form] = Form.useForm<{ role: Role; disabled: boolean; reason: string }>();
  return (
    <Modal
      open
      title={t(op.stChangeTitle, { name: account.displayName })}
      okText={t(op.save)}
      cancelText={t(op.cancel)}
      confirmLoading={update.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ role: account.role, disabled: account.disabled }}
        onFinish={(v) =>
          update.mutate(
            {
              id: account.id,
              reason: v.reason,
              ...(v.role !== account.role && { role: v.role }),
              ...(v.disabled !== account.disabled && { disabled: v.disabled }),
            },
            {
              onSuccess: () => {
                void message.success(t(op.saved));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item name="role" label={t(op.stRole)}>
          <Select options={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label: t(label) }))} />
        </Form.Item>
        <Form.Item name="disabled" label={t(op.stState)}>
          <Select
            options={[
              { value: false, label: t(op.stActive) },
              { value: true, label: t(op.stDisabled) },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t(op.reason)}
          rules={[{ required: true, min: 2, whitespace: true, message: t(op.reasonRequired) }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        {update.error && <Typography.Text type="danger">{update.error.message}</Typography.Text>}
      </Form>
    </Modal>
  );
}

function CreateDialog({ onClose }: { onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const create = useCreateStaff();
  const [form] = Form.useForm<{ email: string; displayName: string; password: string; role: Role }>();
  const required = { required: true, whitespace: true, message: t(op.required) };
  return (
    <Modal
      open
      title={t(op.stNew)}
      okText={t(op.save)}
      cancelText={t(op.cancel)}
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ role: 'reviewer' }}
        onFinish={(v) =>
          create.mutate(v, {
            onSuccess: () => {
              void message.success(t(op.stCreated));
              onClose();
            },
          })
        }
      >
        <Form.Item name="displayName" label={t(op.stName)} rules={[required]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="email" label={t(op.stEmail)} rules={[required, { type: 'email', message: t(op.stEmail) }]}>
          <Input maxLength={254} autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label={t(op.stRole)}>
          <Select options={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label: t(label) }))} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t(op.stPassword)}
          extra={t(op.stPasswordHint)}
          rules={[required, zodRule(NewPasswordSchema, locale, op.stPasswordHint)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {create.error && <Typography.Text type="danger">{create.error.message}</Typography.Text>}
      </Form>
    </Modal>
  );
}

/** The provider's staff: roles, disabling, authenticator resets, new accounts. */
export function StaffAccountsPanel() {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const me = useMe();
  const accounts = useStaffAccounts();
  const reset = useResetSecondFactor();
  const [editing, setEditing] = useState<StaffAccount | null>(null);
  const [creating, setCreating] = useState(false);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setCreating(true)}>
        {t(op.stNew)}
      </Button>
      <QueryState query={accounts}>
        {(d) => (
          <div style={{ overflowX: 'auto' }}>
            <Table<StaffAccount>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={d.items}
              columns={[
                {
                  title: t(op.stName),
                  key: 'name',
                  render: (_, a) => `${a.displayName}${a.id === me.data?.id ? t(op.stYou) : ''}`,
                },
                { title: t(op.stEmail), dataIndex: 'email', responsive: ['md'] },
                { title: t(op.stRole), dataIndex: 'role', render: (r: Role) => t(ROLE_LABELS[r]) },
                {
                  title: t(op.stTotp),
                  dataIndex: 'totpEnrolled',
                  render: (on: boolean) => (
                    <Tag color={on ? 'success' : 'warning'}>{on ? t(op.stTotpOn) : t(op.stTotpOff)}</Tag>
                  ),
                },
                {
                  title: t(op.stState),
                  dataIndex: 'disabled',
                  render: (off: boolean) => (
                    <Tag color={off ? 'default' : 'success'}>{off ? t(op.stDisabled) : t(op.stActive)}</Tag>
                  ),
                },
                {
                  title: '',
                  key: 'act',
                  render: (_, a) =>
                    a.id !== me.data?.id && (
                      <Space wrap>
                        <Button
                          size="small"
                          onClick={() => setEditing(a)}
                          aria-label={`${t(op.stChangeRole)} ${a.displayName}`}
                        >
                          {t(op.stChangeRole)}
                        </Button>
                        {a.totpEnrolled && (
                          <Button
                            size="small"
                            onClick={() =>
                              modal.confirm({
                                title: t(op.stResetTotp),
                                content: t(op.stResetTotpConfirm),
                                okText: t(op.stResetTotp),
                                cancelText: t(op.cancel),
                                onOk: () => reset.mutateAsync(a.id).then(() => void message.success(t(op.saved))),
                              })
                            }
                          >
                            {t(op.stResetTotp)}
                          </Button>
                        )}
                      </Space>
                    ),
                },
              ]}
            />
          </div>
        )}
      </QueryState>
      {editing && <ChangeDialog account={editing} onClose={() => setEditing(null)} />}
      {creating && <CreateDialog onClose={() => setCreating(false)} />}
    </Space>
  );
}
