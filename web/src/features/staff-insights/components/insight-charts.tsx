import { Segmented } from 'antd';
import { type ReactNode, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { InsightGroupView } from '../../../../../src/contracts/insights-api.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Message } from '../../../i18n/message.ts';
import { si } from '../messages.ts';

/**
 * The dashboard's bar charts (recharts, loaded with this page only). Each chart is a figure with a caption and
 * a text summary for screen readers; the table under the charts holds the same numbers.
 */
type Row = { name: string; group: InsightGroupView };
type Series = { key: string; label: Message; colour: string; value: (g: InsightGroupView) => number | null };

const STAGES = ['providerReview', 'adminDecision', 'wholeFiling'] as const;
type Stage = (typeof STAGES)[number];
const STAGE_LABEL: Record<Stage, Message> = {
  providerReview: si.providerReviewShort,
  adminDecision: si.adminDecisionShort,
  wholeFiling: si.wholeFilingShort,
};

// Colour-blind-safe pairs (Okabe–Ito); the legend and the table name every series in text.
const VOLUMES: Series[] = [
  { key: 'submitted', label: si.submitted, colour: '#0072B2', value: (g) => g.submitted },
  { key: 'providerApproved', label: si.providerApproved, colour: '#009E73', value: (g) => g.providerApproved },
  { key: 'providerRejected', label: si.providerRejected, colour: '#D55E00', value: (g) => g.providerRejected },
  { key: 'adminApproved', label: si.adminApproved, colour: '#56B4E9', value: (g) => g.adminApproved },
  { key: 'adminRejected', label: si.adminRejected, colour: '#CC79A7', value: (g) => g.adminRejected },
];
const percent = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
const RATES: Series[] = [
  { key: 'passRate', label: si.passRate, colour: '#009E73', value: (g) => percent(g.passRate) },
  {
    key: 'firstTimePassRate',
    label: si.firstTimePassRate,
    colour: '#0072B2',
    value: (g) => percent(g.firstTimePassRate),
  },
];

function Chart({
  title,
  rows,
  series,
  unit,
  extra,
}: {
  title: Message;
  rows: Row[];
  series: Series[];
  unit?: string;
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  const data = rows.map((r) => ({
    name: r.name,
    ...Object.fromEntries(series.map((s) => [s.key, s.value(r.group)])),
  }));
  return (
    <figure className="insight-chart" aria-label={t(si.chartSummary, { title: t(title) })}>
      <figcaption>
        <h2 className="insight-chart-title">{t(title)}</h2>
      </figcaption>
      {extra}
      <div aria-hidden="true" className="insight-chart-plot">
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" interval={0} tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={unit !== undefined} unit={unit} width={48} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
            {series.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={t(s.label)} fill={s.colour} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

export function InsightCharts({ rows }: { rows: Row[] }) {
  const { t } = useI18n();
  const [stage, setStage] = useState<Stage>('providerReview');
  const durations: Series[] = [
    { key: 'median', label: si.median, colour: '#0072B2', value: (g) => g.stages[stage].median },
    { key: 'p90', label: si.p90, colour: '#E69F00', value: (g) => g.stages[stage].p90 },
  ];
  return (
    <div className="insight-charts">
      <Chart title={si.chartVolumes} rows={rows} series={VOLUMES} />
      <Chart title={si.chartRates} rows={rows} series={RATES} unit="%" />
      <Chart
        title={si.chartDurations}
        rows={rows}
        series={durations}
        unit=""
        extra={
          <Segmented<Stage>
            aria-label={t(si.stage)}
            size="small"
            value={stage}
            onChange={setStage}
            options={STAGES.map((s) => ({ value: s, label: t(STAGE_LABEL[s]) }))}
          />
        }
      />
    </div>
  );
}
