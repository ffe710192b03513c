import { Alert, Button, Input, InputNumber, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  QUEUE_TABS,
  type QueueFilters,
  SLA_STATE_VALUES,
  SLA_TABS,
  type SlaState,
} from '../../../../../src/contracts/queue-api.ts';
import { FILING_TYPE_INFO, FILING_TYPES, PROVINCES } from '../../../../../src/contracts/reference-data.ts';
import { OrderStateTag } from '../../../components/order-state-tag.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Message } from '../../../i18n/message.ts';
import { type QueueItem, type QueueTab, useQueue } from '../api/get-queue.ts';
import { useQueueAssignees } from '../api/get-queue-assignees.ts';
import { useQueueCounts } from '../api/get-queue-counts.ts';
import { QueueTabs } from '../components/queue-tabs.tsx';
import { sq } from '../messages.ts';

dayjs.extend(relativeTime);

const TAB_LABELS: Record<QueueTab, Message> = {
  provider_review: sq.tabProviderReview,
  authenticity_review: sq.tabAuthenticityReview,
  sms_pending: sq.tabSmsPending,
  returned: sq.tabReturned,
  with_regulator: sq.tabWithRegulator,
};

/** Colour and words together: the state must read without colour too. */
const SLA_LOOK: Record<SlaState, { color: string; label: Message }> = {
  on_time: { color: 'success', label: sq.slaOnTime },
  due_today: { color: 'warning', label: sq.slaDueToday },
  overdue: { color: 'error', label: sq.slaOverdue },
};

const provinceName = (code: string | null, zh: boolean) => {
  const p = PROVINCES.find((x) => x.code === code);
  return p ? (zh ? p.nameZh : p.nameEn) : null;
};

const isTab = (v: string | null): v is QueueTab => !!v && (QUEUE_TABS as readonly string[]).includes(v);
const isSla = (v: string | null): v is SlaState => !!v && (SLA_STATE_VALUES as readonly string[]).includes(v);

/** The filters live in the URL (none of them is personal data), so a view can be shared and reloaded. */
function useQueueParams() {
  const [params, setParams] = useSearchParams();
  const tab: QueueTab = isTab(params.get('tab')) ? (params.get('tab') as QueueTab) : 'provider_review';
  const age = Number(params.get('age'));
  const sla = params.get('sla');
  const filters: QueueFilters = {
    province: (params.get('province') as QueueFilters['province']) || undefined,
    type: (params.get('type') as QueueFilters['type']) || undefined,
    minAgeWorkingDays: age > 0 ? age : undefined,
    assignee: params.get('assignee') || undefined,
    sla: isSla(sla) ? sla : undefined,
  };
  const set = (patch: Record<string, string | number | undefined | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === null || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next, { replace: true });
  };
  return { tab, filters, set };
}

function SlaTag({ item }: { item: QueueItem }) {
  const { t } = useI18n();
  if (!item.slaState || item.slaWorkingHoursLeft === null || !item.slaDueAt) return <>{t(sq.none)}</>;
  const look = SLA_LOOK[item.slaState];
  const h = item.slaWorkingHoursLeft;
  const abs = Math.abs(h);
  const n = abs >= 24 ? Math.round((abs / 24) * 10) / 10 : Math.round(abs * 10) / 10;
  const left = h >= 0 ? (abs >= 24 ? sq.daysLeft : sq.hoursLeft) : abs >= 24 ? sq.daysOver : sq.hoursOver;
  return (
    <Tooltip title={t(sq.dueAt, { at: dayjs(item.slaDueAt).format('YYYY-MM-DD HH:mm') })}>
      <Tag color={look.color} style={{ marginInlineEnd: 0 }}>
        <strong>{t(look.label)}</strong> · {t(left, { n })}
      </Tag>
    </Tooltip>
  );
}

/** /staff: the back office's queues as tabs, each with its count; reviews due first, overdue on top. */
export default function StaffQueuePage() {
  const { t, ts, locale } = useI18n();
  const zh = locale === 'zh-CN';
  const navigate = useNavigate();
  const { tab, filters, set } = useQueueParams();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const slaTab = SLA_TABS.includes(tab);
  const effective = useMemo(() => (slaTab ? filters : { ...filters, sla: undefined }), [filters, slaTab]);
  const queue = useQueue(tab, effective, q);
  const counts = useQueueCounts(filters);
  const assignees = useQueueAssignees();
  const loaded = useMemo(() => queue.data?.pages.flatMap((p) => p.items) ?? [], [queue.data]);
  const filtering = Object.values(filters).some((v) => v !== undefined);

  const columns: ColumnsType<QueueItem> = [
    {
      title: t(sq.colOrder),
      dataIndex: 'id',
      fixed: 'left',
      render: (id: string) => (
        <Link to={`/staff/orders/${id}`} aria-label={t(sq.openOrder, { id: id.slice(0, 8) })}>
          <code>{id.slice(0, 8)}</code>
        </Link>
      ),
    },
    slaTab
      ? { title: t(sq.colSla), key: 'sla', render: (_, o) => <SlaTag item={o} /> }
      : {
          title: t(sq.colLastActivity),
          dataIndex: 'lastActivityAt',
          render: (at: string) => (
            <Tooltip title={dayjs(at).format('YYYY-MM-DD HH:mm')}>
              <time dateTime={at}>{dayjs(at).fromNow()}</time>
            </Tooltip>
          ),
        },
    { title: t(sq.colDomains), dataIndex: 'domains', render: (d: string[]) => d.join(', ') || t(sq.none) },
    { title: t(sq.colSponsor), dataIndex: 'sponsorName', render: (s: string | null) => s ?? t(sq.none) },
    {
      title: t(sq.colState),
      dataIndex: 'state',
      render: (_, o) => <OrderStateTag state={o.state} label={o.stateLabel} />,
    },
    {
      title: t(sq.colAssignee),
      dataIndex: 'assignee',
      render: (_, o) =>
        o.assignee ? (
          <Tooltip title={o.claimExpiresAt ? t(sq.claimUntil, { at: dayjs(o.claimExpiresAt).format('HH:mm') }) : ''}>
            <span>{o.assignee.displayName}</span>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">{t(sq.unclaimed)}</Typography.Text>
        ),
    },
    { title: t(sq.colType), dataIndex: 'typeName', responsive: ['md'], render: (_, o) => ts(o.typeName) },
    {
      title: t(sq.colProvince),
      dataIndex: 'province',
      responsive: ['md'],
      render: (p: string | null) => provinceName(p, zh) ?? t(sq.none),
    },
    {
      title: t(sq.colWaiting),
      dataIndex: 'lastSubmittedAt',
      responsive: ['lg'],
      render: (at: string | null) =>
        at ? <time dateTime={at}>{dayjs(at).format('YYYY-MM-DD HH:mm')}</time> : t(sq.none),
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
      {counts.data && !counts.data.calendarCovered && <Alert type="warning" showIcon title={t(sq.calendarFallback)} />}
      <QueueTabs
        label={t(sq.queueTabs)}
        active={tab}
        onChange={(key) => set({ tab: key === 'provider_review' ? undefined : key })}
        countLabel={(count) => t(sq.tabCount, { count })}
        items={QUEUE_TABS.map((key) => ({ key, label: t(TAB_LABELS[key]), count: counts.data?.counts[key] }))}
      />
      <Space wrap>
        <Input.Search
          aria-label={t(sq.search)}
          placeholder={t(sq.searchPlaceholder)}
          allowClear
          style={{ width: 280, maxWidth: '100%' }}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onSearch={(v) => {
            setTyped(v);
            setQ(v.trim());
          }}
        />
        <Select
          aria-label={t(sq.filterProvince)}
          style={{ minWidth: 140 }}
          value={filters.province ?? ''}
          onChange={(v) => set({ province: v })}
          showSearch={{ optionFilterProp: 'label' }}
          options={[
            { value: '', label: t(sq.allProvinces) },
            ...PROVINCES.map((p) => ({ value: p.code, label: zh ? p.nameZh : p.nameEn })),
          ]}
        />
        <Select
          aria-label={t(sq.filterType)}
          style={{ minWidth: 160 }}
          value={filters.type ?? ''}
          onChange={(v) => set({ type: v })}
          options={[
            { value: '', label: t(sq.allTypes) },
            ...FILING_TYPES.map((f) => ({
              value: f,
              label: zh ? FILING_TYPE_INFO[f].nameZh : FILING_TYPE_INFO[f].nameEn,
            })),
          ]}
        />
        <InputNumber
          aria-label={t(sq.filterAge)}
          placeholder={t(sq.agePlaceholder)}
          style={{ width: 190 }}
          min={0}
          max={60}
          step={0.5}
          value={filters.minAgeWorkingDays ?? null}
          onChange={(v) => set({ age: v && v > 0 ? v : undefined })}
        />
        <Select
          aria-label={t(sq.filterAssignee)}
          style={{ minWidth: 150 }}
          value={filters.assignee ?? ''}
          onChange={(v) => set({ assignee: v })}
          options={[
            { value: '', label: t(sq.anyAssignee) },
            { value: 'me', label: t(sq.assigneeMe) },
            { value: 'unassigned', label: t(sq.assigneeNone) },
            ...(assignees.data?.items ?? []).map((s) => ({ value: s.id, label: s.displayName })),
          ]}
        />
        {slaTab && (
          <Select
            aria-label={t(sq.filterSla)}
            style={{ minWidth: 130 }}
            value={filters.sla ?? ''}
            onChange={(v) => set({ sla: v })}
            options={[
              { value: '', label: t(sq.anySla) },
              ...SLA_STATE_VALUES.map((s) => ({ value: s, label: t(SLA_LOOK[s].label) })),
            ]}
          />
        )}
        {filtering && (
          <Button onClick={() => set({ province: null, type: null, age: null, assignee: null, sla: null })}>
            {t(sq.clearFilters)}
          </Button>
        )}
      </Space>
      {q && <Typography.Text type="secondary">{t(sq.searchHint)}</Typography.Text>}
      {!slaTab && <Alert type="info" showIcon title={t(sq.followUpHint)} />}
      <QueryState query={queue}>
        {() => (
          <>
            <Table<QueueItem>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={loaded}
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
