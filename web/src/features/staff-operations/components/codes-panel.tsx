import { Alert, App, Button, Descriptions, Form, Input, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import type { CodeLookup } from '../../../../../src/contracts/operations-api.ts';
import { ApiError } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Message } from '../../../i18n/message.ts';
import { useInvalidateCode, useLookupCode } from '../api/authorization-codes.ts';
import { op } from '../messages.ts';

const STATES: Record<CodeLookup['state'], { color: string; label: Message }> = {
  unused: { color: 'processing', label: op.cdUnused },
  in_filing: { color: 'warning', label: op.cdInFiling },
  used: { color: 'success', label: op.cdUsed },
  invalid: { color: 'default', label: op.cdInvalid },
};

/** An authorization code: look it up, and invalidate it with a reason (a released server, a mistaken issue). */
export function CodesPanel() {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const lookup = useLookupCode();
  const invalidate = useInvalidateCode();
  const [reasonForm] = Form.useForm<{ reason: string }>();
  const found = lookup.data;
  const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 720 }}>
      <Form layout="inline" onFinish={(v: { code: string }) => lookup.mutate(v.code.trim())}>
        <Form.Item
          name="code"
          label={t(op.cdCode)}
          rules={[{ required: true, whitespace: true, message: t(op.required) }]}
        >
          <Input maxLength={64} autoComplete="off" style={{ width: 260 }} />
        </Form.Item>
        <Button htmlType="submit" type="primary" loading={lookup.isPending}>
          {t(op.cdFind)}
        </Button>
      </Form>
      {lookup.error && (
        <Alert
          type="error"
          showIcon
          title={
            lookup.error instanceof ApiError && lookup.error.status === 404 ? t(op.cdNotFound) : lookup.error.message
          }
        />
      )}
      {found && (
        <Descriptions
          size="small"
          bordered
          column={1}
          items={[
            { key: 'code', label: t(op.cdCode), children: <code>{found.code}</code> },
            {
              key: 'state',
              label: t(op.cdState),
              children: <Tag color={STATES[found.state].color}>{t(STATES[found.state].label)}</Tag>,
            },
            { key: 'res', label: t(op.cdResource), children: found.resourceId },
            { key: 'ip', label: t(op.cdIp), children: found.publicIp },
            { key: 'issued', label: t(op.cdIssued), children: time(found.issuedAt) },
            { key: 'exp', label: t(op.cdExpires), children: time(found.expiresAt) },
            {
              key: 'order',
              label: t(op.cdOrder),
              children: found.orderId ? (
                <Link to={`/staff/orders/${found.orderId}`}>{found.orderId.slice(0, 8)}</Link>
              ) : (
                '—'
              ),
            },
            { key: 'acc', label: t(op.cdAccount), children: <code>{found.accountId.slice(0, 8)}</code> },
          ]}
        />
      )}
      {found && found.state !== 'invalid' && (
        <Button
          danger
          onClick={() =>
            modal.confirm({
              title: t(op.cdInvalidate),
              okButtonProps: { danger: true },
              okText: t(op.cdInvalidate),
              cancelText: t(op.cancel),
              content: (
                <Form form={reasonForm} layout="vertical">
                  <Form.Item
                    name="reason"
                    label={t(op.reason)}
                    rules={[{ required: true, min: 2, message: t(op.reasonRequired) }]}
                  >
                    <Input maxLength={200} />
                  </Form.Item>
                </Form>
              ),
              onOk: async () => {
                const { reason } = await reasonForm.validateFields();
                await invalidate.mutateAsync({ code: found.code, reason });
                reasonForm.resetFields();
                void message.success(t(op.cdInvalidated));
                lookup.mutate(found.code);
              },
            })
          }
        >
          {t(op.cdInvalidate)}
        </Button>
      )}
    </Space>
  );
}
