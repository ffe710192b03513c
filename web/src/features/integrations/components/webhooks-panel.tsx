import { Button, Drawer, Form, Input, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import {
  WEBHOOK_EVENT_TYPES,
  type WebhookDeliveryView,
  type WebhookEventType,
  type WebhookSubscriptionView,
} from '../../../../../src/contracts/integrations-api.ts';
import { ErrorAlert, QueryState } from '../../../components/query-state.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { pick } from '../../../i18n/message.ts';
import { useCreateWebhook } from '../api/create-webhook.ts';
import { useDeliveries } from '../api/list-deliveries.ts';
import { useWebhooks } from '../api/list-webhooks.ts';
import { useRedeliver } from '../api/redeliver.ts';
import type { Audience } from '../api/routes.ts';
import { useUpdateWebhook } from '../api/update-webhook.ts';
import { eventLabels, hooksText } from '../messages.ts';
import { ChecklistField } from './checklist-field.tsx';
import { SecretOnce } from './secret-once.tsx';
import '../../../components/tags.css';

type FormValues = { url: string; eventTypes: WebhookEventType[]; description?: string };
const DELIVERY_COLOUR = { pending: 'processing', delivered: 'success', failed: 'error' } as const;
const isWebUrl = (v: string | undefined): boolean => {
  try {
    return v !== undefined && ['https:', 'http:'].includes(new URL(v.trim()).protocol);
  } catch {
    return false;
  }
};
const at = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');

function CreateWebhookForm({ audience }: { audience: Audience }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateWebhook(audience);
  const [secret, setSecret] = useState<string | null>(null);
  if (secret)
    return (
      <SecretOnce
        title={t(hooksText.createdTitle)}
        warning={t(hooksText.createdWarning)}
        secret={secret}
        copyLabel={t(hooksText.copySecret)}
        doneLabel={t(hooksText.done)}
        onDone={() => setSecret(null)}
      />
    );
  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      className="integrations-form"
      initialValues={{ eventTypes: ['order.state_changed'] }}
      onFinish={(v) =>
        create.mutate(
          { url: v.url.trim(), eventTypes: v.eventTypes, ...(v.description && { description: v.description }) },
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
        name="url"
        label={t(hooksText.url)}
        // The server applies the real policy (https in production, no private hosts); this only catches typos.
        rules={[
          {
            required: true,
            validator: (_r, v: string | undefined) =>
              isWebUrl(v) ? Promise.resolve() : Promise.reject(new Error(pick(hooksText.urlRequired, locale))),
          },
        ]}
      >
        <Input inputMode="url" placeholder="https://erp.example.com/hooks/beian" maxLength={2000} />
      </Form.Item>
      <ChecklistField
        name="eventTypes"
        label={t(hooksText.events)}
        requiredMessage={pick(hooksText.eventsRequired, locale)}
        options={WEBHOOK_EVENT_TYPES.map((value) => ({ value, label: t(eventLabels[value]) }))}
      />
      <Form.Item name="description" label={t(hooksText.description)}>
        <Input maxLength={200} />
      </Form.Item>
      <div aria-live="polite">{create.error ? <ErrorAlert error={create.error} /> : null}</div>
      <Button type="primary" htmlType="submit" loading={create.isPending}>
        {t(hooksText.create)}
      </Button>
    </Form>
  );
}

function DeliveryLog({ audience, subscription }: { audience: Audience; subscription: WebhookSubscriptionView }) {
  const { t } = useI18n();
  const deliveries = useDeliveries(audience, subscription.id);
  const redeliver = useRedeliver(audience, subscription.id);
  return (
    <>
      <div aria-live="polite">
        {redeliver.error ? <ErrorAlert error={redeliver.error} /> : null}
        {redeliver.isSuccess && <Typography.Text type="success">{t(hooksText.redelivered)}</Typography.Text>}
      </div>
      <QueryState
        query={deliveries}
        isEmpty={(d) => d.items.length === 0}
        empty={<Typography.Text type="secondary">{t(hooksText.noDeliveries)}</Typography.Text>}
      >
        {(d) => (
          <Table<WebhookDeliveryView>
            rowKey="id"
            size="small"
            dataSource={d.items}
            pagination={false}
            scroll={{ x: 640 }}
            expandable={{
              expandedRowRender: (r) => (
                <ul className="integrations-attempts">
                  {r.attemptLog.map((a) => (
                    <li key={a.attempt}>
                      {t(hooksText.attemptLine, {
                        n: a.attempt,
                        time: at(a.at),
                        status: a.statusCode ?? '—',
                        ms: a.durationMs,
                      })}
                      {a.error ? ` · ${a.error}` : ''}
                    </li>
                  ))}
                </ul>
              ),
              rowExpandable: (r) => r.attemptLog.length > 0,
            }}
            columns={[
              { title: t(hooksText.colTime), key: 'time', render: (_v, r) => at(r.createdAt) },
              { title: t(hooksText.colEvent), key: 'event', render: (_v, r) => t(eventLabels[r.eventType]) },
              {
                title: t(hooksText.colStatus),
                key: 'status',
                render: (_v, r) => <Tag color={DELIVERY_COLOUR[r.status]}>{t(hooksText[r.status])}</Tag>,
              },
              { title: t(hooksText.colAttempts), dataIndex: 'attempts', key: 'attempts' },
              { title: t(hooksText.colLastError), key: 'error', render: (_v, r) => r.lastError ?? '—' },
              {
                title: t(hooksText.colAction),
                key: 'action',
                render: (_v, r) => (
                  <Button
                    size="small"
                    loading={redeliver.isPending && redeliver.variables === r.id}
                    aria-label={t(hooksText.redeliverOf, { event: r.eventType, time: at(r.createdAt) })}
                    onClick={() => redeliver.mutate(r.id)}
                  >
                    {t(hooksText.redeliver)}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}

/** Subscriptions with their delivery logs: an account's own, or (admin) the platform-wide ones. */
export function WebhooksPanel({ audience }: { audience: Audience }) {
  const { t } = useI18n();
  const hooks = useWebhooks(audience);
  const update = useUpdateWebhook(audience);
  const [open, setOpen] = useState<WebhookSubscriptionView | null>(null);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">
        {t(audience === 'admin' ? hooksText.staffIntro : hooksText.intro)}
      </Typography.Paragraph>
      <CreateWebhookForm audience={audience} />
      <div aria-live="assertive">{update.error ? <ErrorAlert error={update.error} /> : null}</div>
      <QueryState query={hooks}>
        {(d) => (
          <Table<WebhookSubscriptionView>
            rowKey="id"
            dataSource={d.items}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 760 }}
            locale={{ emptyText: t(hooksText.empty) }}
            columns={[
              {
                title: t(hooksText.colUrl),
                key: 'url',
                render: (_v, s) => <code className="integrations-url">{s.url}</code>,
              },
              {
                title: t(hooksText.colEvents),
                key: 'events',
                render: (_v, s) => (
                  <Space size={4} wrap>
                    {s.eventTypes.map((e) => (
                      <Tag key={e}>{t(eventLabels[e])}</Tag>
                    ))}
                  </Space>
                ),
              },
              {
                title: t(hooksText.colStatus),
                key: 'status',
                render: (_v, s) => (
                  <Tag color={s.active ? 'success' : 'default'}>
                    {t(s.active ? hooksText.active : hooksText.paused)}
                  </Tag>
                ),
              },
              {
                title: t(hooksText.colAction),
                key: 'action',
                render: (_v, s) => (
                  <Space wrap>
                    <Button size="small" onClick={() => setOpen(s)}>
                      {t(hooksText.deliveries)}
                    </Button>
                    <Button size="small" onClick={() => update.mutate({ id: s.id, active: !s.active })}>
                      {t(s.active ? hooksText.pause : hooksText.resume)}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        title={open ? t(hooksText.deliveriesOf, { url: open.url }) : ''}
        size="large"
        destroyOnHidden
      >
        {open && <DeliveryLog audience={audience} subscription={open} />}
      </Drawer>
    </Space>
  );
}
