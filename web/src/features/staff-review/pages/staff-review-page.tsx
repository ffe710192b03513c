import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Descriptions, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { PROVINCES } from '../../../../../src/contracts/reference-data.ts';
import { ApiError } from '../../../api/client.ts';
import { OrderStateTag } from '../../../components/order-state-tag.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Message } from '../../../i18n/message.ts';
import { fieldLabel } from '../../order-progress/messages.ts';
import { useOrderClaim } from '../api/claim.ts';
import { type OrderView, useStaffOrder } from '../api/get-staff-order.ts';
import { AuthenticityPanel } from '../components/authenticity-panel.tsx';
import { ClaimBanner } from '../components/claim-banner.tsx';
import { DataPanel } from '../components/data-panel.tsx';
import { type CheckItem, DecisionBar } from '../components/decision-bar.tsx';
import { MaterialsPanel } from '../components/materials-panel.tsx';
import { RegulatorPanel } from '../components/regulator-panel.tsx';
import { AuditList, Checklist, PrecheckFindings } from '../components/review-side-panels.tsx';
import { SubmissionChanges } from '../components/submission-changes.tsx';
import { sr } from '../messages.ts';
import { reviewStage } from '../review-model.ts';
import { useDraft } from '../use-review-draft.ts';
import './staff-review.css';

/** States past the provider, where the regulator panel tells what MIIT and the administration did. */
const AT_REGULATOR: OrderView['state'][] = [
  'submitting_to_admin',
  'pending_sms_verification',
  'returned_by_miit',
  'pending_admin_review',
  'admin_rejected',
  'approved',
];

const PROVIDER_CHECKS: { id: string; label: Message }[] = [
  { id: 'matches', label: sr.checkMatches },
  { id: 'images', label: sr.checkImages },
  { id: 'validity', label: sr.checkValidity },
  { id: 'website', label: sr.checkWebsite },
];
const CURTAIN_CHECKS: { id: string; label: Message }[] = [
  { id: 'curtain1', label: sr.curtainRule1 },
  { id: 'curtain2', label: sr.curtainRule2 },
  { id: 'curtain3', label: sr.curtainRule3 },
  { id: 'curtain4', label: sr.curtainRule4 },
  { id: 'curtain5', label: sr.curtainRule5 },
];

function ReviewScreen({ order }: { order: OrderView }) {
  const { t, ts, locale } = useI18n();
  const stage = reviewStage(order);
  const draft = useDraft(order.id, stage);
  const checklist = useMemo<CheckItem[]>(() => {
    if (stage === 'authenticity') return CURTAIN_CHECKS.map((c) => ({ id: c.id, label: t(c.label) }));
    const fromPrecheck = (order.precheck?.findings ?? [])
      .filter((f) => f.severity === 'reviewer-check')
      .map((f) => ({
        id: `finding:${f.ruleId}:${f.field}`,
        label: `${fieldLabel(f.field, locale)}: ${ts(f.message)}`,
        tag: { color: 'processing', text: t(sr.severityCheck) },
      }));
    return [...PROVIDER_CHECKS.map((c) => ({ id: c.id, label: t(c.label) })), ...fromPrecheck];
  }, [stage, order.precheck, t, ts, locale]);
  const province = PROVINCES.find((p) => p.code === order.province);
  const claim = useOrderClaim(order.id, stage !== null);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/staff">
        <ArrowLeftOutlined /> {t(sr.backToQueue)}
      </Link>
      <div>
        <Typography.Title level={1} style={{ fontSize: 22, marginBottom: 8 }}>
          {t(stage === 'authenticity' ? sr.authenticityTitle : sr.title)}
        </Typography.Title>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            { key: 'no', label: t(sr.orderNo), children: <code>{order.id.slice(0, 8)}</code> },
            {
              key: 'state',
              label: t(sr.stateVersion),
              children: (
                <Space>
                  <OrderStateTag state={order.state} label={order.stateLabel} />
                  <span>v{order.version}</span>
                </Space>
              ),
            },
            { key: 'type', label: t(sr.filingType), children: `${ts(order.typeName)} (${order.typeCode})` },
            {
              key: 'prov',
              label: t(sr.province),
              children: province ? (locale === 'zh-CN' ? province.nameZh : province.nameEn) : '—',
            },
            {
              key: 'sub',
              label: t(sr.submittedAt),
              children: order.lastSubmittedAt ? dayjs(order.lastSubmittedAt).format('YYYY-MM-DD HH:mm') : '—',
            },
          ]}
        />
      </div>
      {!stage && <Alert type="info" showIcon title={t(sr.notDecidable, { state: ts(order.stateLabel) })} />}
      {stage && <ClaimBanner orderId={order.id} claim={claim} />}
      {AT_REGULATOR.includes(order.state) && <RegulatorPanel order={order} />}
      {stage === 'authenticity' ? (
        <div className="sr-grid">
          <AuthenticityPanel order={order} draft={draft} />
          <div className="sr-side">
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Checklist items={checklist} draft={draft} title={t(sr.curtainRules)} />
              <DecisionBar order={order} stage="authenticity" draft={draft} checklist={checklist} claim={claim} />
              <AuditList orderId={order.id} />
            </Space>
          </div>
        </div>
      ) : (
        <div className="sr-grid">
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {stage === 'provider' && <SubmissionChanges orderId={order.id} version={order.version} />}
            <DataPanel order={order} draft={draft} editable={stage === 'provider'} />
            <PrecheckFindings order={order} />
            {stage === 'provider' && (
              <>
                <Checklist items={checklist} draft={draft} title={t(sr.checklistTitle)} />
                <DecisionBar order={order} stage="provider" draft={draft} checklist={checklist} claim={claim} />
              </>
            )}
            <AuditList orderId={order.id} />
          </Space>
          <div className="sr-side">
            <MaterialsPanel order={order} draft={draft} editable={stage === 'provider'} />
          </div>
        </div>
      )}
    </Space>
  );
}

/** /staff/orders/:id: 初审 or the authenticity review of one order. */
export default function StaffReviewPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const order = useStaffOrder(id);
  if (order.error instanceof ApiError && order.error.status === 404)
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t(sr.notFound)}
        action={<Link to="/staff">{t(sr.backToQueue)}</Link>}
      />
    );
  return <QueryState query={order}>{(o) => <ReviewScreen order={o} />}</QueryState>;
}
