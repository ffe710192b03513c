import { Alert, Button, Card, DatePicker, Form, Input, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { z } from 'zod';
import { AuditActionPrefixSchema } from '../../../../../src/contracts/audit-api.ts';
import { EmailSchema } from '../../../../../src/contracts/auth-api.ts';
import { ORDER_STATE_LABELS, type OrderState } from '../../../../../src/contracts/reference-data.ts';
import { ErrorAlert, QueryState } from '../../../components/query-state.tsx';
import { zodRule } from '../../../forms/rules.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Message } from '../../../i18n/message.ts';
import { type AuditEntry, type AuditFilters, useAuditSearch } from '../api/search-audit.ts';
import { useVerifyAudit } from '../api/verify-audit.ts';
import { sa } from '../messages.ts';
import './staff-audit.css';

const ROLE_LABELS: Record<string, Message> = {
  applicant: sa.roleApplicant,
  sub_account: sa.roleSubAccount,
  reviewer: sa.roleReviewer,
  senior_reviewer: sa.roleSenior,
  admin: sa.roleAdmin,
  system: sa.roleSystem,
  regulator: sa.roleRegulator,
  anonymous: sa.roleAnonymous,
  timer: sa.roleTimer,
};

const ActorSchema = z.union([z.uuid(), EmailSchema]);
const OrderIdSchema = z.uuid();

type FormValues = { actor?: string; orderId?: string; action?: string; range?: [Dayjs | null, Dayjs | null] | null };

/** Filters that may stand in the page's URL (ids, codes, times; never an e-mail), so a link or reload keeps them. */
const URL_FILTERS = ['actorId', 'orderId', 'action', 'from', 'to', 'untilId'] as const;

const fromUrl = (params: URLSearchParams): AuditFilters =>
  Object.fromEntries(URL_FILTERS.flatMap((k) => (params.get(k) ? [[k, params.get(k)]] : [])));

/** The form's values as the contract's filters: an actor with an @ is an e-mail (resolved by the server). */
function toFilters(v: FormValues): AuditFilters {
  const actor = v.actor?.trim();
  const [from, to] = v.range ?? [];
  return {
    ...(actor && (actor.includes('@') ? { actorEmail: actor } : { actorId: actor })),
    ...(v.orderId?.trim() && { orderId: v.orderId.trim() }),
    ...(v.action?.trim() && { action: v.action.trim() }),
    ...(from && { from: from.toISOString() }),
    ...(to && { to: to.toISOString() }),
  };
}

const toForm = (f: AuditFilters): FormValues => ({
  actor: f.actorId,
  orderId: f.orderId,
  action: f.action,
  range: f.from || f.to ? [f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null] : null,
});

const short = (hash: string) => `${hash.slice(0, 12)}…`;

/** /staff/audit: search the audit log and check its hash chain (admins and senior reviewers). */
export default function StaffAuditPage() {
  const { t, locale } = useI18n();
  const zh = locale === 'zh-CN';
  const [form] = Form.useForm<FormValues>();
  const [params, setParams] = useSearchParams();
  const urlFilters = fromUrl(params);
  const untilId = urlFilters.untilId;
  // An actor's e-mail stays in memory only; it goes to the server in a POST body.
  const [actorEmail, setActorEmail] = useState<string | undefined>();
  const search = useAuditSearch({ ...urlFilters, ...(actorEmail && { actorEmail }) });
  const verify = useVerifyAudit();
  const brokenId = verify.data?.ok === false ? verify.data.firstBrokenId : undefined;
  const rows = search.data?.pages.flatMap((p) => p.items) ?? [];
  const stateLabel = (s: string | null) =>
    s ? (ORDER_STATE_LABELS[s as OrderState]?.[zh ? 'zh' : 'en'] ?? s) : t(sa.none);

  const columns: ColumnsType<AuditEntry> = [
    {
      title: t(sa.colId),
      dataIndex: 'id',
      render: (id: string) => (
        <Space size={4} wrap>
          <code>{id}</code>
          {id === brokenId && <Tag color="error">{t(sa.brokenRow)}</Tag>}
        </Space>
      ),
    },
    {
      title: t(sa.colAt),
      dataIndex: 'at',
      render: (at: string) => <time dateTime={at}>{dayjs(at).format('YYYY-MM-DD HH:mm:ss')}</time>,
    },
    {
      title: t(sa.colActor),
      dataIndex: 'actor',
      render: (a: AuditEntry['actor']) => (
        <span>
          {a.displayName ?? (a.id ? <code>{a.id.slice(0, 8)}</code> : null)}
          <Typography.Text type="secondary">
            {a.displayName || a.id ? ' · ' : ''}
            {ROLE_LABELS[a.role] ? t(ROLE_LABELS[a.role]!) : a.role}
          </Typography.Text>
        </span>
      ),
    },
    { title: t(sa.colAction), dataIndex: 'action', render: (a: string) => <code>{a}</code> },
    {
      title: t(sa.colOrder),
      dataIndex: 'orderId',
      render: (id: string | null) =>
        id ? (
          <Link to={`/staff/orders/${id}`} aria-label={t(sa.openOrder, { id: id.slice(0, 8) })}>
            <code>{id.slice(0, 8)}</code>
          </Link>
        ) : (
          t(sa.none)
        ),
    },
    {
      title: t(sa.colStates),
      key: 'states',
      responsive: ['md'],
      render: (_, e) =>
        e.fromState || e.toState ? `${stateLabel(e.fromState)} → ${stateLabel(e.toState)}` : t(sa.none),
    },
    { title: t(sa.colReason), dataIndex: 'reason', responsive: ['md'], render: (r: string | null) => r ?? t(sa.none) },
    {
      title: t(sa.colDetails),
      dataIndex: 'details',
      responsive: ['lg'],
      render: (d: Record<string, unknown>) =>
        Object.keys(d).length > 0 ? <code className="audit-details">{JSON.stringify(d)}</code> : t(sa.none),
    },
  ];

  // The link itself puts the entry in the URL; the other filters go, so the entry is the list's first row.
  const clear = () => {
    form.setFieldsValue({ actor: undefined, orderId: undefined, action: undefined, range: null });
    setActorEmail(undefined);
  };
  const apply = (v: FormValues) => {
    const { actorEmail: email, ...rest } = toFilters(v);
    setActorEmail(email);
    setParams(
      Object.fromEntries(Object.entries(rest).filter(([, x]) => typeof x === 'string')) as Record<string, string>,
    );
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 22, marginBottom: 4 }}>
          {t(sa.title)}
        </Typography.Title>
        <Typography.Text type="secondary">{t(sa.intro)}</Typography.Text>
      </div>

      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t(sa.verifyTitle)}</h2>}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t(sa.verifyHint)}</Typography.Text>
          <div>
            <Button type="primary" onClick={() => verify.mutate({})} loading={verify.isPending}>
              {t(sa.verify)}
            </Button>
          </div>
          {verify.error && <ErrorAlert error={verify.error} />}
          {verify.data?.ok === true && (
            <Alert type="success" showIcon role="status" title={t(sa.intact, { count: verify.data.checked })} />
          )}
          {verify.data?.ok === false && brokenId && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={t(sa.broken, { id: brokenId, count: verify.data.checked })}
              description={
                <Space orientation="vertical" size={4}>
                  <span>
                    {t(sa.brokenDetail, {
                      at: verify.data.brokenAt ? dayjs(verify.data.brokenAt).format('YYYY-MM-DD HH:mm:ss') : '',
                      expected: short(verify.data.expectedHash ?? ''),
                      found: short(verify.data.foundHash ?? ''),
                    })}
                  </span>
                  <Link to={`/staff/audit?untilId=${brokenId}`} onClick={clear}>
                    {t(sa.showBroken, { id: brokenId })}
                  </Link>
                </Space>
              }
            />
          )}
        </Space>
      </Card>

      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t(sa.filters)}</h2>}>
        <Form<FormValues>
          form={form}
          layout="vertical"
          initialValues={toForm(urlFilters)}
          onFinish={apply}
          className="audit-filters"
        >
          <Form.Item name="actor" label={t(sa.actor)} rules={[zodRule(ActorSchema, locale, sa.actorInvalid)]}>
            <Input allowClear autoComplete="off" />
          </Form.Item>
          <Form.Item name="orderId" label={t(sa.orderId)} rules={[zodRule(OrderIdSchema, locale, sa.orderIdInvalid)]}>
            <Input allowClear autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="action"
            label={t(sa.action)}
            rules={[zodRule(AuditActionPrefixSchema, locale, sa.actionInvalid)]}
          >
            <Input allowClear autoComplete="off" />
          </Form.Item>
          <Form.Item name="range" label={t(sa.timeRange)}>
            <DatePicker.RangePicker showTime style={{ width: '100%' }} />
          </Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit">
              {t(sa.search)}
            </Button>
            <Button
              onClick={() => {
                clear();
                setParams({});
              }}
            >
              {t(sa.reset)}
            </Button>
          </Space>
        </Form>
      </Card>

      {untilId && (
        <Alert
          type="info"
          showIcon
          title={t(sa.startingAt, { id: untilId })}
          action={<Button onClick={() => setParams({})}>{t(sa.showAll)}</Button>}
        />
      )}
      <QueryState query={search}>
        {() => (
          <>
            <Table<AuditEntry>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t(sa.empty) }}
              rowClassName={(e) => (e.id === brokenId ? 'audit-row-broken' : '')}
            />
            <div style={{ textAlign: 'center', marginTop: 12 }}>
              {search.hasNextPage ? (
                <Button onClick={() => void search.fetchNextPage()} loading={search.isFetchingNextPage}>
                  {t(sa.loadMore)}
                </Button>
              ) : (
                rows.length > 0 && <Typography.Text type="secondary">{t(sa.noMore)}</Typography.Text>
              )}
            </div>
          </>
        )}
      </QueryState>
    </Space>
  );
}
