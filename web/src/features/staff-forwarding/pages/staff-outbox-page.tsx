import { Alert, App, Button, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type OutboxFilter, OutboxFilterSchema, type OutboxItem } from '../../../../../src/contracts/forwarding-api.ts';
import { QueryState } from '../../../components/query-state.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Message } from '../../../i18n/message.ts';
import { useMe } from '../../auth/api/get-me.ts';
import { useOutbox, useRetryOutbox } from '../api/outbox.ts';
import { fw } from '../messages.ts';

const TOPIC_LABELS: Record<string, Message> = {
  'regulator.submit': fw.topicRegulator,
  'notify.applicant': fw.topicNotify,
  'webhook.deliver': fw.topicWebhook,
};
const time = (iso: string | null) => (iso ? dayjs(iso).format('MM-DD HH:mm:ss') : '—');

/** /staff/outbox (admins): the platform's external calls, their errors, and a retry. */
export default function StaffOutboxPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  // In the address, so a reload or a shared link keeps the filter.
  const [params, setParams] = useSearchParams();
  const filter = OutboxFilterSchema.catch('failing').parse(params.get('filter') ?? 'failing');
  const setFilter = (f: OutboxFilter) => setParams(f === 'failing' ? {} : { filter: f }, { replace: true });
  const isAdmin = me.data?.role === 'admin';
  const outbox = useOutbox(filter);
  const retry = useRetryOutbox();
  const rows = useMemo(() => outbox.data?.pages.flatMap((p) => p.items) ?? [], [outbox.data]);
  const columns: ColumnsType<OutboxItem> = [
    {
      title: t(fw.colTopic),
      key: 'topic',
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>{t(TOPIC_LABELS[r.topic] ?? fw.topicNotify)}</span>
          {r.orderId && (
            <Link to={`/staff/orders/${r.orderId}`}>
              <code>{r.orderId.slice(0, 8)}</code>
            </Link>
          )}
        </Space>
      ),
    },
    { title: t(fw.colCreated), key: 'created', render: (_, r) => time(r.createdAt) },
    { title: t(fw.colAttempts), key: 'attempts', dataIndex: 'attempts' },
    {
      title: t(fw.colError),
      key: 'error',
      render: (_, r) => (r.lastError ? <Typography.Text type="danger">{r.lastError}</Typography.Text> : '—'),
    },
    { title: t(fw.colNext), key: 'next', render: (_, r) => (r.doneAt || r.heldAt ? '—' : time(r.nextAttemptAt)) },
    {
      title: t(fw.colDone),
      key: 'done',
      render: (_, r) => (r.gaveUp ? <Tag color="error">{t(fw.gaveUp, { at: time(r.doneAt) })}</Tag> : time(r.doneAt)),
    },
    {
      title: '',
      key: 'act',
      render: (_, r) =>
        !r.doneAt &&
        !r.heldAt && (
          <Button
            size="small"
            loading={retry.isPending && retry.variables === r.id}
            onClick={() => retry.mutate(r.id, { onSuccess: () => void message.success(t(fw.retried)) })}
          >
            {t(fw.retry)}
          </Button>
        ),
    },
  ];
  if (me.data && !isAdmin) return <Alert type="info" showIcon title={t(fw.adminOnly)} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t(fw.outboxTitle)}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t(fw.outboxIntro)}
      </Typography.Paragraph>
      <Segmented<OutboxFilter>
        value={filter}
        onChange={setFilter}
        options={[
          { value: 'failing', label: t(fw.filterFailing) },
          { value: 'gave_up', label: t(fw.filterGaveUp) },
          { value: 'pending', label: t(fw.filterPending) },
          { value: 'held', label: t(fw.filterHeld) },
          { value: 'done', label: t(fw.filterDone) },
          { value: 'all', label: t(fw.filterAll) },
        ]}
      />
      {filter === 'gave_up' && <Alert type="info" showIcon title={t(fw.gaveUpHint)} />}
      {retry.error && <Alert type="error" showIcon title={retry.error.message} />}
      <QueryState query={outbox}>
        {() => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Table<OutboxItem>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: <Typography.Text type="secondary">{t(fw.outboxEmpty)}</Typography.Text> }}
            />
            {outbox.hasNextPage && (
              <Button onClick={() => void outbox.fetchNextPage()} loading={outbox.isFetchingNextPage}>
                {t(fw.loadMore)}
              </Button>
            )}
          </Space>
        )}
      </QueryState>
    </Space>
  );
}
