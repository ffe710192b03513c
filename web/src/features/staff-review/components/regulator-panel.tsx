import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Message } from '../../../i18n/message.ts';
import { useMe } from '../../auth/api/get-me.ts';
import { fieldLabel } from '../../order-progress/messages.ts';
import { useRetryOutbox } from '../../staff-forwarding/api/outbox.ts';
import { useRegulatorPanel } from '../api/get-regulator.ts';
import { type OrderView, staffOrderKeys } from '../api/get-staff-order.ts';
import { sr } from '../messages.ts';

const STATUS: Record<string, Message> = {
  received: sr.regStatusReceived,
  rejected_at_intake: sr.regStatusIntake,
  sms_pending: sr.regStatusSms,
  returned: sr.regStatusReturned,
  admin_review: sr.regStatusAdmin,
  admin_rejected: sr.regStatusRejected,
  approved: sr.regStatusApproved,
  completed: sr.regStatusCompleted,
};
const SMS: Record<string, { color: string; label: Message }> = {
  code_sent: { color: 'processing', label: sr.regSmsCodeSent },
  verified: { color: 'success', label: sr.regSmsVerified },
  failed: { color: 'error', label: sr.regSmsFailed },
  expired: { color: 'default', label: sr.regSmsExpired },
};
const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');

/** After the provider: where the order stands with MIIT and the administration, and each submission's delivery. */
export function RegulatorPanel({ order }: { order: OrderView }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const panel = useRegulatorPanel(order.id, true);
  const retry = useRetryOutbox();
  const data = panel.data;
  const state = typeof data?.status?.state === 'string' ? data.status.state : null;
  // MIIT moved on (SMS done, decided): the order itself changed too, so show it as it is now.
  const qc = useQueryClient();
  const seen = useRef(state);
  useEffect(() => {
    if (seen.current === state) return;
    seen.current = state;
    void qc.invalidateQueries({ queryKey: staffOrderKeys.one(order.id), exact: true });
  }, [state, qc, order.id]);
  const returns = order.rejections.filter((r) => r.stage === 'admin' || r.stage === 'miit_return');
  return (
    <Card size="small" title={<h2 className="sr-h2">{t(sr.regTitle)}</h2>}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'ref', label: t(sr.regRef), children: data?.regulatorRef ?? t(sr.regNotYet) },
            { key: 'st', label: t(sr.regStatus), children: state ? t(STATUS[state] ?? sr.regNotYet) : '—' },
          ]}
        />
        {order.sms && (
          <section aria-label={t(sr.regSmsDeadline, { at: time(order.sms.deadlineAt) })}>
            <Typography.Text strong>{t(sr.regSmsDeadline, { at: time(order.sms.deadlineAt) })}</Typography.Text>
            <List
              size="small"
              dataSource={order.sms.persons}
              renderItem={(p) => (
                <List.Item>
                  <Space wrap>
                    <span>{t(sr.regSmsPerson, { mobile: p.mobileMasked })}</span>
                    <Tag color={SMS[p.state]?.color}>{t(SMS[p.state]?.label ?? sr.regNotYet)}</Tag>
                    <Typography.Text type="secondary">
                      {t(sr.regSmsResends, { n: p.resendCount, w: p.wrongAttempts })}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </section>
        )}
        {order.numbers && (
          <Descriptions
            size="small"
            title={t(sr.regNumbers)}
            column={1}
            items={[
              { key: 's', label: t(sr.regSubjectNumber), children: order.numbers.subjectNumber },
              ...order.numbers.websites.map((w) => ({ key: w.domain, label: w.domain, children: w.websiteNumber })),
            ]}
          />
        )}
        {returns.length > 0 && (
          <section>
            <Typography.Text strong>{t(sr.regReturns)}</Typography.Text>
            <List
              size="small"
              dataSource={returns.flatMap((r) => r.reasons.map((reason) => ({ ...reason, at: r.at })))}
              renderItem={(r) => (
                <List.Item>
                  <span>
                    {dayjs(r.at).format('MM-DD HH:mm')} · {fieldLabel(r.field, locale)}: {r.message}
                  </span>
                </List.Item>
              )}
            />
          </section>
        )}
        {data && data.submissions.length > 0 && (
          <section>
            <Typography.Text strong>{t(sr.regSubmissions)}</Typography.Text>
            <List
              size="small"
              dataSource={data.submissions}
              renderItem={(s, i) => (
                <List.Item
                  actions={
                    me.data?.role === 'admin' && !s.doneAt && !s.heldAt
                      ? [
                          <Button key="retry" size="small" loading={retry.isPending} onClick={() => retry.mutate(s.id)}>
                            {t(sr.regRetry)}
                          </Button>,
                        ]
                      : s.heldAt
                        ? [
                            <Link key="fwd" to="/staff/forwarding">
                              {t(sr.regToForwarding)}
                            </Link>,
                          ]
                        : []
                  }
                >
                  <Space orientation="vertical" size={0}>
                    <span>
                      {t(sr.regSubmission, { n: i + 1 })} · {t(sr.regAttempts, { n: s.attempts })}
                    </span>
                    <Typography.Text type="secondary">
                      {s.doneAt
                        ? t(sr.regDelivered, { at: time(s.doneAt) })
                        : s.heldAt
                          ? t(sr.regHeld)
                          : t(sr.regPending, { at: time(s.nextAttemptAt) })}
                    </Typography.Text>
                    {s.lastError && <Typography.Text type="danger">{s.lastError}</Typography.Text>}
                  </Space>
                </List.Item>
              )}
            />
          </section>
        )}
      </Space>
    </Card>
  );
}
