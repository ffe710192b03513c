import { Alert, Button, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  FILING_TYPE_INFO,
  FILING_TYPES,
  type OrderState,
  PROVINCES,
} from '../../../../../src/contracts/reference-data.ts';
import { OrderStateTag } from '../../../components/order-state-tag.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Message } from '../../../i18n/message.ts';
import { type QueueItem, useReviewQueue } from '../api/get-queue.ts';
import { sq } from '../messages.ts';

dayjs.extend(relativeTime);

/** A submission waiting longer than this is overdue (the provider's 1-working-day promise, counted naturally). */
const OVERDUE_MS = 24 * 3600_000;
const isOverdue = (item: QueueItem, now: number) =>
  !!item.lastSubmittedAt && now - Date.parse(item.lastSubmittedAt) > OVERDUE_MS;

const STATES: { value: OrderState; label: Message }[] = [
  { value: 'pending_provider_review', label: sq.stateProvider },
  { value: 'authenticity_under_review', label: sq.stateAuthenticity },
];

const provinceName = (code: string | null, zh: boolean) => {
  const p = PROVINCES.find((x) => x.code === code);
  return p ? (zh ? p.nameZh : p.nameEn) : null;
};

/** /staff: the orders waiting for 初审 and for the authenticity review, overdue (oldest) first. */
export default function StaffQueuePage() {
  const { t, ts, locale } = useI18n();
  const zh = locale === 'zh-CN';
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const state = (params.get('state') as OrderState | null) ?? undefined;
  const [province, setProvince] = useState<string | undefined>();
  const [type, setType] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const queue = useReviewQueue(state, { province, type });
  const now = Date.now();

  const loaded = useMemo(() => queue.data?.pages.flatMap((p) => p.items) ?? [], [queue.data]);
  const rows = useMemo(() => {
    const needle = q.trim().toLowerCase();
    const filtered = loaded.filter(
      (o) =>
        !needle ||
        o.id.toLowerCase().includes(needle) ||
        o.domains.some((d) => d.toLowerCase().includes(needle)) ||
        (o.sponsorName ?? '').toLowerCase().includes(needle),
    );
    // Overdue first; within each group the server's order (oldest submission first) stays.
    return [...filtered.filter((o) => isOverdue(o, now)), ...filtered.filter((o) => !isOverdue(o, now))];
  }, [loaded, q, now]);

  const columns: ColumnsType<QueueItem> = [
    {
      title: t(sq.colOrder),
      dataIndex: 'id',
      render: (id: string) => (
        <Link to={`/staff/orders/${id}`} aria-label={t(sq.openOrder, { id: id.slice(0, 8) })}>
          <code>{id.slice(0, 8)}</code>
        </Link>
      ),
    },
    { title: t(sq.colSponsor), dataIndex: 'sponsorName', render: (s: string | null) => s ?? t(sq.none) },
    { title: t(sq.colDomains), dataIndex: 'domains', render: (d: string[]) => d.join(', ') || t(sq.none) },
    { title: t(sq.colType), dataIndex: 'typeName', responsive: ['md'], render: (_, o) => ts(o.typeName) },
    {
      title: t(sq.colProvince),
      dataIndex: 'province',
      responsive: ['md'],
      render: (p: string | null) => provinceName(p, zh) ?? t(sq.none),
    },
    {
      title: t(sq.colState),
      dataIndex: 'state',
      render: (_, o) => <OrderStateTag state={o.state} label={o.stateLabel} />,
    },
    {
      title: t(sq.colWaiting),
      dataIndex: 'lastSubmittedAt',
      render: (at: string | null, o) =>
        at ? (
          <Space size={4} wrap>
            <Tooltip title={dayjs(at).format('YYYY-MM-DD HH:mm')}>
              <time dateTime={at}>{dayjs(at).fromNow()}</time>
            </Tooltip>
            {isOverdue(o, now) && <Tag color="error">{t(sq.overdue)}</Tag>}
          </Space>
        ) : (
          t(sq.none)
        ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 22, marginBottom: 4 }}>
          {t(sq.queueTitle)}
        </Typography.Title>
        <Typography.Text type="secondary">{t(sq.queueIntro)}</Typography.Text>
      </div>
      <Space wrap>
        <Select
          aria-label={t(sq.filterState)}
          style={{ minWidth: 200 }}
          value={state ?? ''}
          onChange={(v) => setParams(v ? { state: v } : {})}
          options={[
            { value: '', label: t(sq.allStates) },
            ...STATES.map((s) => ({ value: s.value, label: t(s.label) })),
          ]}
        />
        <Select
          aria-label={t(sq.filterProvince)}
          style={{ minWidth: 140 }}
          value={province ?? ''}
          onChange={(v) => setProvince(v || undefined)}
          options={[
            { value: '', label: t(sq.allProvinces) },
            ...PROVINCES.map((p) => ({ value: p.code, label: zh ? p.nameZh : p.nameEn })),
          ]}
        />
        <Select
          aria-label={t(sq.filterType)}
          style={{ minWidth: 160 }}
          value={type ?? ''}
          onChange={(v) => setType(v || undefined)}
          options={[
            { value: '', label: t(sq.allTypes) },
            ...FILING_TYPES.map((f) => ({
              value: f,
              label: zh ? FILING_TYPE_INFO[f].nameZh : FILING_TYPE_INFO[f].nameEn,
            })),
          ]}
        />
        <Input.Search
          aria-label={t(sq.search)}
          placeholder={t(sq.searchPlaceholder)}
          allowClear
          style={{ width: 260, maxWidth: '100%' }}
          onChange={(e) => setQ(e.target.value)}
          onSearch={setQ}
        />
      </Space>
      <QueryState query={queue}>
        {() => (
          <>
            {q && <Alert type="info" showIcon title={t(sq.loadedOnlyHint, { count: loaded.length })} />}
            <Table<QueueItem>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t(sq.emptyQueue) }}
              onRow={(o) => ({
                onClick: (e) => {
                  if ((e.target as HTMLElement).closest('a')) return;
                  navigate(`/staff/orders/${o.id}`);
                },
                style: { cursor: 'pointer' },
              })}
            />
            <div style={{ textAlign: 'center', marginTop: 12 }}>
              {queue.hasNextPage ? (
                <Button onClick={() => void queue.fetchNextPage()} loading={queue.isFetchingNextPage}>
                  {t(sq.loadMore)}
                </Button>
              ) : (
                loaded.length > 0 && <Typography.Text type="secondary">{t(sq.noMore)}</Typography.Text>
              )}
            </div>
          </>
        )}
      </QueryState>
    </Space>
  );
}
