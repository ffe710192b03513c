import { Alert, Card, DatePicker, Segmented, Space, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type { InsightGrouping, InsightGroupView, InsightsView } from '../../../../../src/contracts/insights-api.ts';
import { FILING_TYPE_INFO, type FilingType, PROVINCES } from '../../../../../src/contracts/reference-data.ts';
import { QueryState } from '../../../components/query-state.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Message } from '../../../i18n/message.ts';
import { useInsights } from '../api/get-insights.ts';
import { InsightCharts } from '../components/insight-charts.tsx';
import { si } from '../messages.ts';
import './staff-insights.css';

const GROUPINGS: { value: InsightGrouping; label: Message }[] = [
  { value: 'province', label: si.byProvince },
  { value: 'type', label: si.byType },
  { value: 'reviewer', label: si.byReviewer },
];

type Range = [Dayjs, Dayjs];
/** The last 30 days, today included, in the browser's calendar. */
const last30Days = (): Range => [dayjs().subtract(29, 'day').startOf('day'), dayjs().startOf('day')];

const pct = (v: number | null) => (v === null ? null : `${(v * 100).toFixed(1)}%`);
const num = (v: number | null) => (v === null ? null : v.toFixed(2));

type Row = InsightGroupView & { name: string; isTotal?: boolean };

/** /staff/insights: volumes, pass rates and stage durations per province, filing type or reviewer. */
export default function StaffInsightsPage() {
  const { t, locale } = useI18n();
  const zh = locale === 'zh-CN';
  const [range, setRange] = useState<Range>(last30Days);
  const [groupBy, setGroupBy] = useState<InsightGrouping>('province');
  const query = useInsights({
    from: range[0].startOf('day').toISOString(),
    // The end day counts whole: up to the next midnight.
    to: range[1].startOf('day').add(1, 'day').toISOString(),
    groupBy,
  });

  const groupName = useMemo(
    () =>
      (g: InsightGroupView, by: InsightGrouping): string => {
        if (by === 'province') {
          const p = PROVINCES.find((x) => x.code === g.key);
          return p ? (zh ? p.nameZh : p.nameEn) : g.key ? g.key : t(si.noProvince);
        }
        if (by === 'type') {
          const info = g.key ? FILING_TYPE_INFO[g.key as FilingType] : undefined;
          return info ? (zh ? info.nameZh : info.nameEn) : (g.key ?? t(si.none));
        }
        if (!g.key) return t(si.noReviewer);
        return g.label ?? t(si.unknownReviewer, { id: g.key.slice(0, 8) });
      },
    [zh, t],
  );

  const stageColumns = (stage: 'providerReview' | 'adminDecision' | 'wholeFiling', title: Message) => ({
    title: t(title),
    children: [
      {
        title: t(si.median),
        key: `${stage}-median`,
        align: 'right' as const,
        render: (_: unknown, r: Row) => num(r.stages[stage].median) ?? t(si.none),
      },
      {
        title: t(si.p90),
        key: `${stage}-p90`,
        align: 'right' as const,
        render: (_: unknown, r: Row) => num(r.stages[stage].p90) ?? t(si.none),
      },
      {
        title: t(si.count),
        key: `${stage}-count`,
        align: 'right' as const,
        render: (_: unknown, r: Row) => r.stages[stage].count,
      },
    ],
  });

  const count = (key: keyof InsightGroupView, title: Message) => ({
    title: t(title),
    dataIndex: key,
    align: 'right' as const,
  });

  const columns: ColumnsType<Row> = [
    {
      title: t(si.colGroup),
      dataIndex: 'name',
      render: (name: string, r) => (r.isTotal ? <strong>{name}</strong> : name),
    },
    count('submitted', si.submitted),
    count('providerDecided', si.providerDecided),
    count('providerApproved', si.providerApproved),
    count('providerRejected', si.providerRejected),
    count('adminApproved', si.adminApproved),
    count('adminRejected', si.adminRejected),
    { title: t(si.passRate), key: 'passRate', align: 'right', render: (_, r) => pct(r.passRate) ?? t(si.none) },
    {
      title: t(si.firstTimePassRate),
      key: 'firstTimePassRate',
      align: 'right',
      render: (_, r) => pct(r.firstTimePassRate) ?? t(si.none),
    },
    stageColumns('providerReview', si.providerReview),
    stageColumns('adminDecision', si.adminDecision),
    stageColumns('wholeFiling', si.wholeFiling),
  ];

  const rowsOf = (data: InsightsView): Row[] => [
    ...data.groups.map((g) => ({ ...g, name: groupName(g, data.groupBy) })),
    { ...data.total, name: t(si.total), key: '__total', isTotal: true },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 22, marginBottom: 4 }}>
          {t(si.title)}
        </Typography.Title>
        <Typography.Text type="secondary">{t(si.intro)}</Typography.Text>
      </div>
      <div className="insight-controls">
        <div className="insight-control">
          <span id="insight-range">{t(si.range)}</span>
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            aria-label={t(si.range)}
            onChange={(v) => {
              if (v?.[0] && v[1]) setRange([v[0], v[1]]);
            }}
          />
        </div>
        <div className="insight-control">
          <span id="insight-group-by">{t(si.groupBy)}</span>
          <Segmented<InsightGrouping>
            aria-labelledby="insight-group-by"
            value={groupBy}
            onChange={setGroupBy}
            options={GROUPINGS.map((g) => ({ value: g.value, label: t(g.label) }))}
          />
        </div>
      </div>
      <QueryState query={query}>
        {(data) => {
          const rows = rowsOf(data);
          const total = data.total;
          return (
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              {!data.calendarCovered && <Alert type="warning" showIcon title={t(si.calendarWarning)} />}
              <div className="insight-kpis">
                <Card size="small">
                  <Statistic title={t(si.kpiSubmitted)} value={total.submitted} />
                </Card>
                <Card size="small">
                  <Statistic title={t(si.kpiPassRate)} value={pct(total.passRate) ?? t(si.none)} />
                </Card>
                <Card size="small">
                  <Statistic title={t(si.kpiFirstTime)} value={pct(total.firstTimePassRate) ?? t(si.none)} />
                </Card>
                <Card size="small">
                  <Statistic
                    title={t(si.kpiMedian)}
                    value={
                      total.stages.providerReview.median === null
                        ? t(si.none)
                        : t(si.days, { n: num(total.stages.providerReview.median)! })
                    }
                  />
                </Card>
              </div>
              {data.groups.length === 0 ? (
                <Alert type="info" showIcon title={t(si.empty)} />
              ) : (
                <InsightCharts rows={rows.filter((r) => !r.isTotal).map((r) => ({ name: r.name, group: r }))} />
              )}
              <Card size="small" title={<h2 className="insight-chart-title">{t(si.tableTitle)}</h2>}>
                {/* The wide table scrolls in a focusable region, so keyboard users can scroll it too. */}
                {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take the focus (WCAG 2.1.1) */}
                <section className="insight-table-scroll" aria-label={t(si.tableTitle)} tabIndex={0}>
                  <Table<Row>
                    rowKey={(r) => (r.isTotal ? '__total' : (r.key ?? '__none'))}
                    size="small"
                    bordered
                    columns={columns}
                    dataSource={rows}
                    pagination={false}
                    rowClassName={(r) => (r.isTotal ? 'insight-total' : '')}
                  />
                </section>
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                  {t(si.rateHelp)}
                </Typography.Paragraph>
              </Card>
            </Space>
          );
        }}
      </QueryState>
    </Space>
  );
}
