import { ArrowLeftOutlined, SyncOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { PROVINCES } from '../../../../../src/contracts/reference-data.ts';
import { ApiError } from '../../../api/client.ts';
import { common } from '../../../components/messages.ts';
import { ErrorAlert } from '../../../components/query-state.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useMe } from '../../auth/api/get-me.ts';
import { type OrderView, useOrder } from '../../orders/api/get-order.ts';
import { useOrderTimeline } from '../api/get-timeline.ts';
import { AbandonButton } from '../components/abandon-button.tsx';
import { CurrentStage } from '../components/current-stage.tsx';
import { ProgressTimeline } from '../components/progress-timeline.tsx';
import { formatTime } from '../components/rejection-panel.tsx';
import { LIVE_STATES, REJECTED_STATES, TAG_COLORS } from '../components/stage.ts';
import { StageSteps } from '../components/stage-steps.tsx';
import { m } from '../messages.ts';
import './order-progress.css';

const POLL_MS = 5000;

const stateColor = (state: OrderView['state']) =>
  state === 'approved' || state === 'completed_removed'
    ? TAG_COLORS.success
    : REJECTED_STATES.includes(state)
      ? TAG_COLORS.error
      : state === 'abandoned' || state === 'draft'
        ? TAG_COLORS.default
        : TAG_COLORS.processing;

/** /orders/:id — the order after submission: stages, the current one explained, rejection, MIIT SMS, result. */
export default function OrderProgressPage() {
  const { id = '' } = useParams();
  const { t, ts, locale } = useI18n();
  const me = useMe();
  // Sub-accounts read only (SUB_ACCOUNT_READ_ONLY): no abandon, no edit.
  const canFile = me.data?.role === 'applicant';
  const [interval, setPollInterval] = useState<number | false>(false);
  const order = useOrder(id, { refetchInterval: interval });
  const timeline = useOrderTimeline(id, { refetchInterval: interval });
  const state = order.data?.state;

  // Poll while the provider, MIIT or the 管局 is about to act; the timeline follows every change of state.
  useEffect(() => {
    setPollInterval(state && LIVE_STATES.includes(state) ? POLL_MS : false);
  }, [state]);
  const refetchTimeline = timeline.refetch;
  useEffect(() => {
    if (state) void refetchTimeline();
  }, [state, refetchTimeline]);

  useEffect(() => {
    document.title = `${t(m.pageTitle)} · ${t(common.appName)}`;
  }, [t]);

  const back = (
    <Link to="/records/history" className="op-back">
      <ArrowLeftOutlined /> {t(m.backToHistory)}
    </Link>
  );

  if (order.isPending) {
    return (
      <div className="op-page">
        {back}
        <Skeleton active aria-busy="true" aria-label={t(common.loading)} />
      </div>
    );
  }
  if (order.error || !order.data) {
    const missing =
      order.error instanceof ApiError && ['ORDER_NOT_FOUND', 'VALIDATION_FAILED'].includes(order.error.code);
    return (
      <div className="op-page">
        {back}
        {missing ? (
          <Result status="404" title={t(m.pageTitle)} subTitle={t(m.notFound)} />
        ) : (
          <ErrorAlert error={order.error} onRetry={() => void order.refetch()} />
        )}
      </div>
    );
  }

  const o = order.data;
  const domains = o.data.websites.flatMap((w) => (w.domain ? [w.domain] : []));
  const province = PROVINCES.find((p) => p.code === o.province);
  return (
    <div className="op-page">
      {back}
      <div className="op-header">
        <Typography.Title level={1} className="op-title">
          {t(m.pageTitle)}
        </Typography.Title>
        <Space wrap>
          <Tag color={stateColor(o.state)} className="op-state-tag">
            {ts(o.stateLabel)}
          </Tag>
          {interval !== false && (
            <Typography.Text type="secondary" className="op-live">
              <SyncOutlined /> {t(m.autoRefresh)}
            </Typography.Text>
          )}
        </Space>
      </div>

      <Card size="small" className="op-card">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            {
              key: 'type',
              label: t(m.filingType),
              children: t(m.typeWithCode, { name: ts(o.typeName), code: o.typeCode }),
            },
            { key: 'domains', label: t(m.domains), children: domains.join(', ') || '—' },
            ...(province
              ? [{ key: 'p', label: t(m.province), children: locale === 'zh-CN' ? province.nameZh : province.nameEn }]
              : []),
            { key: 'no', label: t(m.orderNo), children: <span className="op-mono">{o.id.slice(0, 8)}</span> },
            ...(o.submittedAt ? [{ key: 's', label: t(m.submittedAt), children: formatTime(o.submittedAt) }] : []),
            ...(o.lastSubmittedAt && o.lastSubmittedAt !== o.submittedAt
              ? [{ key: 'l', label: t(m.lastSubmittedAt), children: formatTime(o.lastSubmittedAt) }]
              : []),
            ...(o.submittedAt ? [] : [{ key: 'c', label: t(m.createdAt), children: formatTime(o.createdAt) }]),
          ]}
        />
      </Card>

      <Card size="small" className="op-card op-steps">
        <StageSteps order={o} />
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card
            title={<h2 className="op-card-title">{t(m.currentStage)}</h2>}
            className="op-card"
            extra={canFile && o.allowedActions.includes('abandon') ? <AbandonButton order={o} /> : undefined}
          >
            <CurrentStage order={o} expected={timeline.data?.expected} canFile={canFile} />
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card title={<h2 className="op-card-title">{t(m.timelineTitle)}</h2>} className="op-card">
            <ProgressTimeline query={timeline} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
