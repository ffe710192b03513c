import { ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, List, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/query-state.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Message } from '../../../i18n/message.ts';
import type { OrderView } from '../../orders/api/get-order.ts';
import { usePublicConfig } from '../api/get-public-config.ts';
import { m } from '../messages.ts';
import { formatTime } from './rejection-panel.tsx';
import { TAG_COLORS } from './stage.ts';

type Sms = NonNullable<OrderView['sms']>;
type SmsPerson = Sms['persons'][number];

const STATE: Record<SmsPerson['state'], { label: Message; color: string }> = {
  code_sent: { label: m.smsStateCodeSent, color: TAG_COLORS.processing },
  verified: { label: m.smsStateVerified, color: TAG_COLORS.success },
  failed: { label: m.smsStateFailed, color: TAG_COLORS.error },
  expired: { label: m.smsStateExpired, color: TAG_COLORS.default },
};

/**
 * MIIT's SMS step (domain.md §6.1): the 24-hour countdown (not announced live: it would talk every second), who
 * must verify with which mobile and how far they are, and the way to MIIT's page, where codes are also resent.
 */
export function SmsPanel({ sms }: { sms: Sms }) {
  const { t } = useI18n();
  const config = usePublicConfig();
  const [expired, setExpired] = useState(() => Date.parse(sms.deadlineAt) <= Date.now());
  const limits = config.data?.smsVerification ?? { maxResends: 2, maxWrongAttempts: 5 };
  const who = (p: SmsPerson) =>
    p.roles.length === 0
      ? '—'
      : p.roles
          .map((r) => (r.role === 'subject' ? t(m.roleSubject) : t(m.roleWebsite, { n: (r.websiteIndex ?? 0) + 1 })))
          .join(t({ zh: '、', en: ', ' }));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph>{t(m.smsIntro)}</Typography.Paragraph>
      <div className="op-countdown" aria-live="off">
        {expired ? (
          <Alert type="warning" showIcon title={t(m.smsDeadlinePassed)} />
        ) : (
          <Statistic.Timer
            type="countdown"
            title={t(m.smsCountdown)}
            value={Date.parse(sms.deadlineAt)}
            format="HH:mm:ss"
            onFinish={() => setExpired(true)}
          />
        )}
        <Typography.Text type="secondary">{t(m.smsDeadline, { time: formatTime(sms.deadlineAt) })}</Typography.Text>
      </div>
      <Alert type="warning" showIcon title={t(m.smsWarning)} />
      <section aria-labelledby="op-sms-persons">
        <Typography.Title level={3} id="op-sms-persons" className="op-h3">
          {t(m.smsPersons)}
        </Typography.Title>
        <List
          bordered
          dataSource={sms.persons}
          renderItem={(p) => (
            <List.Item>
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 2, lg: 3 }}
                className="op-sms-person"
                items={[
                  { key: 'who', label: t(m.smsWho), children: who(p) },
                  { key: 'mobile', label: t(m.smsMobile), children: <span className="op-mono">{p.mobileMasked}</span> },
                  {
                    key: 'state',
                    label: t(m.smsState),
                    children: <Tag color={STATE[p.state].color}>{t(STATE[p.state].label)}</Tag>,
                  },
                  {
                    key: 'resends',
                    label: t(m.smsResendsLeft),
                    children: `${Math.max(0, limits.maxResends - p.resendCount)} / ${limits.maxResends}`,
                  },
                  {
                    key: 'wrong',
                    label: t(m.smsWrongAttempts),
                    children: `${p.wrongAttempts} / ${limits.maxWrongAttempts}`,
                  },
                ]}
              />
            </List.Item>
          )}
        />
      </section>
      {config.error ? (
        <ErrorAlert error={config.error} onRetry={() => void config.refetch()} />
      ) : (
        <div>
          <Button
            type="primary"
            icon={<ExportOutlined />}
            href={config.data?.smsVerification.url ?? 'https://beian.miit.gov.cn/'}
            target="_blank"
            rel="noopener noreferrer"
            loading={config.isPending}
          >
            {t(m.goVerify)}
            <span className="op-visually-hidden">{t(m.opensNewWindow)}</span>
          </Button>
          {config.data?.smsVerification.simulated && (
            <Typography.Paragraph type="secondary" className="op-note">
              {t(m.simulatedNote)}
            </Typography.Paragraph>
          )}
        </div>
      )}
      <Typography.Paragraph type="secondary">
        {t(m.smsResendHelp, { resends: limits.maxResends, wrong: limits.maxWrongAttempts })}
      </Typography.Paragraph>
      {sms.persons.length > 1 && <Typography.Paragraph type="secondary">{t(m.smsOthersPending)}</Typography.Paragraph>}
    </Space>
  );
}
