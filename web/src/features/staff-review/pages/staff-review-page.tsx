import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Checkbox, Descriptions, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { PROVINCES } from '../../../../../src/contracts/reference-data.ts';
import { ApiError } from '../../../api/client.ts';
import { OrderStateTag } from '../../../components/order-state-tag.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import {
  accessMethodLabels,
  certificateTypeLabels,
  personIdTypeLabels,
  preApprovalLabels,
  serviceContentLabels,
  subjectTypeLabels,
  websiteLanguageLabels,
} from '../../../components/vocabulary.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Message } from '../../../i18n/message.ts';
import { fieldLabel } from '../../order-progress/messages.ts';
import { useOrderClaim } from '../api/claim.ts';
import { type AuditEntry, useOrderAudit } from '../api/get-audit.ts';
import { type OrderView, staffMaterialUrl, useStaffOrder } from '../api/get-staff-order.ts';
import { ClaimBanner } from '../components/claim-banner.tsx';
import { CompareImages } from '../components/compare-images.tsx';
import { type CheckItem, DecisionBar } from '../components/decision-bar.tsx';
import { ImageViewer } from '../components/image-viewer.tsx';
import { MaskedValue } from '../components/masked-value.tsx';
import { RegulatorPanel } from '../components/regulator-panel.tsx';
import { RejectToggle } from '../components/reject-toggle.tsx';
import { SubmissionChanges } from '../components/submission-changes.tsx';
import { sr } from '../messages.ts';
import {
  AUTHENTICITY_KINDS,
  authenticityPairs,
  groupMaterials,
  isPersonalDataPath,
  type MaterialGroup,
  reviewStage,
} from '../review-model.ts';
import { type Draft, useDraft } from '../use-review-draft.ts';
import './staff-review.css';

const VOCAB: Record<string, Record<string, Message>> = {
  subjectType: subjectTypeLabels,
  certificateType: certificateTypeLabels,
  idType: personIdTypeLabels,
  serviceContent: serviceContentLabels,
  accessMethod: accessMethodLabels,
};

function useFormatValue() {
  const { t, locale } = useI18n();
  return (key: string, value: unknown): string => {
    if (value === undefined || value === null || value === '') return t(sr.empty);
    if (typeof value === 'boolean') return t(value ? sr.yes : sr.no);
    if (key === 'province') {
      const p = PROVINCES.find((x) => x.code === value);
      return p ? (locale === 'zh-CN' ? p.nameZh : p.nameEn) : String(value);
    }
    if (key === 'languages' && Array.isArray(value))
      return value
        .map((v) => t(websiteLanguageLabels[v as keyof typeof websiteLanguageLabels] ?? { zh: v, en: v }))
        .join(t(sr.listSeparator));
    if (key === 'preApprovals' && Array.isArray(value))
      return value.length === 0
        ? t(sr.empty)
        : value
            .map(
              (p: { type: string; permitNumber: string }) =>
                `${t(preApprovalLabels[p.type as keyof typeof preApprovalLabels] ?? { zh: p.type, en: p.type })} ${p.permitNumber}`,
            )
            .join('; ');
    if (Array.isArray(value)) return value.join(', ') || t(sr.empty);
    const vocab = VOCAB[key]?.[String(value)];
    return vocab ? t(vocab) : String(value);
  };
}

/** One field: label, (masked) value, reveal and the reject toggle. */
function FieldRow({
  order,
  path,
  value,
  draft,
  editable,
}: {
  order: OrderView;
  path: string;
  value: unknown;
  draft: Draft;
  editable: boolean;
}) {
  const { locale } = useI18n();
  const format = useFormatValue();
  const label = fieldLabel(path, locale);
  // Inside its card the section prefix (主体信息 · …) is implied; controls keep the full label.
  const shortLabel = label.split(' · ').slice(1).join(' · ') || label;
  const key = path.split('.').at(-1)!;
  const rejected = draft.draft.rejects[path];
  const pi = isPersonalDataPath(path) && typeof value === 'string' && value !== '';
  return (
    <div className={`sr-field${rejected ? ' is-rejected' : ''}`}>
      <dt>{shortLabel}</dt>
      {/* Actions sit in the dd: a dl's groups may hold only dt and dd (axe definition-list). */}
      <dd>
        <span className="sr-field-value">
          {pi ? (
            <MaskedValue orderId={order.id} path={path} label={label} masked={value as string} />
          ) : (
            format(key, value)
          )}
        </span>
        {editable && (
          <span className="sr-field-actions">
            <RejectToggle label={label} kind="field" value={rejected} onChange={(r) => draft.setReject(path, r)} />
          </span>
        )}
      </dd>
    </div>
  );
}

const SKIP = new Set(['responsiblePerson', 'websiteId']);

function DataPanel({ order, draft, editable }: { order: OrderView; draft: Draft; editable: boolean }) {
  const { t } = useI18n();
  const rows = (prefix: string, obj: Record<string, unknown> | undefined) =>
    Object.entries(obj ?? {})
      .filter(([k]) => !SKIP.has(k))
      .map(([k, v]) => (
        <FieldRow
          key={`${prefix}.${k}`}
          order={order}
          path={`${prefix}.${k}`}
          value={v}
          draft={draft}
          editable={editable}
        />
      ));
  const subject = order.data.subject as Record<string, unknown> | undefined;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={<h2 className="sr-h2">{t(sr.subject)}</h2>}>
        <dl className="sr-fields">{rows('subject', subject)}</dl>
        <Typography.Title level={3} className="sr-h3">
          {t(sr.subjectPerson)}
        </Typography.Title>
        <dl className="sr-fields">
          {rows('subject.responsiblePerson', order.data.subject?.responsiblePerson as Record<string, unknown>)}
        </dl>
      </Card>
      {order.data.websites.map((w, i) => (
        <Card
          key={w.domain ?? i}
          size="small"
          title={<h2 className="sr-h2">{t(sr.website, { n: i + 1, domain: w.domain ?? '' })}</h2>}
        >
          <dl className="sr-fields">{rows(`websites.${i}`, w as Record<string, unknown>)}</dl>
          <Typography.Title level={3} className="sr-h3">
            {t(sr.websitePerson)}
          </Typography.Title>
          <dl className="sr-fields">
            {rows(`websites.${i}.responsiblePerson`, w.responsiblePerson as Record<string, unknown>)}
          </dl>
        </Card>
      ))}
    </Space>
  );
}

function MaterialCard({
  group,
  draft,
  kind,
  editable,
}: {
  group: MaterialGroup;
  draft: Draft;
  kind: 'material' | 'authenticity';
  editable: boolean;
}) {
  const { t, locale } = useI18n();
  const label = fieldLabel(group.path, locale);
  const rejected = draft.draft.rejects[group.path];
  return (
    <Card
      size="small"
      title={<h3 className="sr-h3">{label}</h3>}
      style={rejected ? { borderColor: '#cf1322' } : undefined}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {editable && (
          <RejectToggle label={label} kind={kind} value={rejected} onChange={(r) => draft.setReject(group.path, r)} />
        )}
        {group.items.map((m, n) => (
          <div key={m.id}>
            {m.validUntil && (
              <Typography.Text type="secondary">{t(sr.validUntil, { date: m.validUntil })}</Typography.Text>
            )}
            <ImageViewer
              src={staffMaterialUrl(m.id)}
              contentType={m.contentType}
              alt={`${t(sr.imageAlt, { kind: label })}${group.items.length > 1 ? ` ${n + 1}` : ''}`}
            />
          </div>
        ))}
      </Space>
    </Card>
  );
}

function MaterialsPanel({ order, draft, editable }: { order: OrderView; draft: Draft; editable: boolean }) {
  const { t } = useI18n();
  const groups = groupMaterials(order.materials).filter((g) => !AUTHENTICITY_KINDS.includes(g.kind));
  return (
    <section aria-labelledby="sr-materials">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <h2 id="sr-materials" className="sr-h2">
          {t(sr.materialsTitle)}
        </h2>
        <CompareImages order={order} />
      </Space>
      {groups.length === 0 ? (
        <Typography.Text type="secondary">{t(sr.noMaterials)}</Typography.Text>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {groups.map((g) => (
            <MaterialCard key={g.path} group={g} draft={draft} kind="material" editable={editable} />
          ))}
        </Space>
      )}
    </section>
  );
}

function Checklist({ items, draft, title }: { items: CheckItem[]; draft: Draft; title: string }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={<h2 className="sr-h2">{title}</h2>}>
      <Typography.Paragraph type="secondary">{t(sr.checklistHint)}</Typography.Paragraph>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="sr-visually-hidden">{title}</legend>
        <Space orientation="vertical">
          {items.map((c) => (
            <Checkbox
              key={c.id}
              checked={draft.draft.checked.includes(c.id)}
              onChange={(e) => draft.toggleCheck(c.id, e.target.checked)}
            >
              {c.tag && <Tag color={c.tag.color}>{c.tag.text}</Tag>}
              {c.label}
            </Checkbox>
          ))}
        </Space>
      </fieldset>
    </Card>
  );
}

function PrecheckFindings({ order }: { order: OrderView }) {
  const { t, ts, locale } = useI18n();
  const findings = order.precheck?.findings ?? [];
  const sev = { block: sr.severityBlock, warn: sr.severityWarn, 'reviewer-check': sr.severityCheck } as const;
  return (
    <Card size="small" title={<h2 className="sr-h2">{t(sr.precheckTitle)}</h2>}>
      {findings.length === 0 ? (
        <Typography.Text type="secondary">{t(sr.noFindings)}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={findings}
          renderItem={(f) => (
            <List.Item>
              <div>
                <Tag color={f.severity === 'block' ? 'error' : f.severity === 'warn' ? 'warning' : 'processing'}>
                  {t(sev[f.severity])}
                </Tag>
                <Typography.Text strong>{fieldLabel(f.field, locale)}</Typography.Text>
                <div>{ts(f.message)}</div>
                <Typography.Text type="secondary">{ts(f.fix)}</Typography.Text>
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

const ROLE: Record<string, Message> = {
  reviewer: sr.roleReviewer,
  admin: sr.roleAdmin,
  applicant: sr.roleApplicant,
  sub_account: sr.roleApplicant,
};

function AuditList({ orderId }: { orderId: string }) {
  const { t, locale } = useI18n();
  const audit = useOrderAudit(orderId);
  return (
    <Card size="small" title={<h2 className="sr-h2">{t(sr.auditTitle)}</h2>}>
      <QueryState query={audit} isEmpty={(d) => d.items.length === 0} empty={t(sr.auditEmpty)}>
        {(d) => (
          <List<AuditEntry>
            size="small"
            className="sr-audit"
            header={
              d.items.some((e) => e.action === 'material.viewed') ? (
                <Typography.Text type="secondary">
                  {t(sr.auditMaterialViews, { count: d.items.filter((e) => e.action === 'material.viewed').length })}
                </Typography.Text>
              ) : undefined
            }
            dataSource={d.items.filter((e) => e.action !== 'material.viewed').reverse()}
            renderItem={(e) => (
              <List.Item>
                <div>
                  <time dateTime={e.at}>{dayjs(e.at).format('YYYY-MM-DD HH:mm:ss')}</time> ·{' '}
                  {t(ROLE[e.actorRole] ?? sr.roleSystem)} ·{' '}
                  {e.action === 'pi.revealed' && e.field ? (
                    t(sr.auditReveal, { field: fieldLabel(e.field, locale) })
                  ) : (
                    <code>{e.action}</code>
                  )}
                  {e.fromState && e.toState && (
                    <Typography.Text type="secondary">
                      {' '}
                      ({e.fromState} → {e.toState})
                    </Typography.Text>
                  )}
                  {e.reason && <div>{t(sr.auditReason, { reason: e.reason })}</div>}
                </div>
              </List.Item>
            )}
          />
        )}
      </QueryState>
    </Card>
  );
}

function AuthenticityPanel({ order, draft }: { order: OrderView; draft: Draft }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {authenticityPairs(order).map((pair) => (
        <section
          key={pair.websiteIndex}
          aria-label={t(sr.website, {
            n: pair.websiteIndex + 1,
            domain: order.data.websites[pair.websiteIndex]?.domain ?? '',
          })}
        >
          <h2 className="sr-h2">
            {t(sr.website, { n: pair.websiteIndex + 1, domain: order.data.websites[pair.websiteIndex]?.domain ?? '' })}
          </h2>
          <div className="sr-compare">
            <div>
              <Typography.Title level={3} className="sr-h3">
                {t(sr.curtainTitle)}
              </Typography.Title>
              {pair.verification.map((g) => (
                <MaterialCard key={g.path} group={g} draft={draft} kind="authenticity" editable />
              ))}
            </div>
            <div>
              <Typography.Title level={3} className="sr-h3">
                {t(sr.idPhotoTitle)}
              </Typography.Title>
              {pair.ids.map((g) => (
                <MaterialCard key={g.path} group={g} draft={draft} kind="material" editable={false} />
              ))}
            </div>
          </div>
        </section>
      ))}
    </Space>
  );
}

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
