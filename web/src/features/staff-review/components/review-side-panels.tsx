import { Card, Checkbox, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { QueryState } from '../../../components/query-state.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Message } from '../../../i18n/message.ts';
import { fieldLabel } from '../../order-progress/messages.ts';
import { type AuditEntry, useOrderAudit } from '../api/get-audit.ts';
import type { OrderView } from '../api/get-staff-order.ts';
import { sr } from '../messages.ts';
import type { Draft } from '../use-review-draft.ts';
import type { CheckItem } from './decision-bar.tsx';

export function Checklist({ items, draft, title }: { items: CheckItem[]; draft: Draft; title: string }) {
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

export function PrecheckFindings({ order }: { order: OrderView }) {
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

export function AuditList({ orderId }: { orderId: string }) {
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
