import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Button, Descriptions, Grid, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { PROVINCES } from '../../../../../src/contracts/reference-data.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Message } from '../../../i18n/message.ts';
import type { OrderView } from '../../orders/api/get-order.ts';
import type { TimelineResponse } from '../api/get-timeline.ts';
import { m } from '../messages.ts';
import { RejectionPanel } from './rejection-panel.tsx';
import { SmsPanel } from './sms-panel.tsx';

type Expected = TimelineResponse['expected'];

function Stage({ title, text, expected }: { title: Message; text?: string; expected?: string }) {
  const { t } = useI18n();
  return (
    <div>
      <Typography.Title level={3} className="op-h3">
        {t(title)}
      </Typography.Title>
      {text && <Typography.Paragraph>{text}</Typography.Paragraph>}
      {expected && (
        <Typography.Paragraph>
          <Typography.Text strong>{t(m.expected)}: </Typography.Text>
          {expected}
        </Typography.Paragraph>
      )}
    </div>
  );
}

/** The current stage explained: what happens now, who acts, how long it takes, and what the applicant can do. */
export function CurrentStage({
  order,
  expected,
  canFile,
}: {
  order: OrderView;
  expected: Expected | undefined;
  /** False for sub-accounts, which read only. */
  canFile: boolean;
}) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const edit = () => navigate(`/orders/${encodeURIComponent(order.id)}/edit`);
  // The photo is taken on the materials page (the wizard refuses an order past 初审).
  const verify = () => navigate(`/orders/${encodeURIComponent(order.id)}/materials`);
  const province = PROVINCES.find((p) => p.code === order.province);
  const provinceName = province ? (locale === 'zh-CN' ? province.nameZh : province.nameEn) : '';
  const providerDays = expected?.providerReviewWorkingDays ?? { min: 1, max: 2 };
  const adminDays = expected?.adminReviewWorkingDays ?? 20;

  switch (order.state) {
    case 'draft':
      return (
        <Space orientation="vertical">
          <Stage title={m.draftTitle} text={t(m.draftText)} />
          {canFile && (
            <Button type="primary" onClick={edit}>
              {t(m.continueFilling)}
            </Button>
          )}
        </Space>
      );
    case 'pending_provider_review':
      return <Stage title={m.providerTitle} text={t(m.providerText)} expected={t(m.workingDaysRange, providerDays)} />;
    case 'pending_authenticity_verification':
      return (
        <Space orientation="vertical">
          <Stage title={m.authenticityPendingTitle} text={t(m.authenticityPendingText)} />
          {canFile && (
            <Button type="primary" onClick={verify}>
              {t(m.doVerification)}
            </Button>
          )}
        </Space>
      );
    case 'authenticity_under_review':
      return (
        <Stage title={m.authenticityReviewTitle} text={t(m.authenticityReviewText)} expected={t(m.oneWorkingDay)} />
      );
    case 'submitting_to_admin':
      return <Stage title={m.submittingTitle} text={t(m.submittingText)} expected={t(m.oneWorkingDay)} />;
    case 'pending_sms_verification':
      return (
        <div>
          <Stage title={m.smsTitle} />
          {order.sms ? (
            <SmsPanel sms={order.sms} />
          ) : (
            <Typography.Paragraph>{t(m.submittingText)}</Typography.Paragraph>
          )}
        </div>
      );
    case 'pending_admin_review':
      return (
        <Stage
          title={m.adminTitle}
          text={t(m.adminText, { province: provinceName })}
          expected={t(m.workingDaysUpTo, { days: adminDays })}
        />
      );
    case 'provider_rejected':
      return <RejectionPanel canFile={canFile} order={order} title={m.providerRejectedTitle} />;
    case 'authenticity_rejected':
      return <RejectionPanel canFile={canFile} order={order} title={m.authenticityRejectedTitle} />;
    case 'admin_rejected':
      return <RejectionPanel canFile={canFile} order={order} title={m.adminRejectedTitle} />;
    case 'returned_by_miit':
      return (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph>{t(m.returnedText)}</Typography.Paragraph>
          <RejectionPanel canFile={canFile} order={order} title={m.returnedTitle} />
        </Space>
      );
    case 'approved':
      return (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Alert
            type="success"
            showIcon
            icon={<CheckCircleFilled />}
            title={t(m.approvedTitle)}
            description={t(m.approvedText)}
          />
          {order.numbers && (
            <Descriptions
              bordered
              size="small"
              column={1}
              // Label above the number on phones, so a number never breaks across lines.
              layout={screens.sm ? 'horizontal' : 'vertical'}
              items={[
                {
                  key: 'subject',
                  label: t(m.subjectNumber),
                  children: <span className="op-number">{order.numbers.subjectNumber}</span>,
                },
                ...order.numbers.websites.map((w) => ({
                  key: w.websiteNumber,
                  label: `${t(m.websiteNumber)} · ${w.domain}`,
                  children: <span className="op-number">{w.websiteNumber}</span>,
                })),
              ]}
            />
          )}
          <Typography.Paragraph type="secondary">{t(m.approvedInterception)}</Typography.Paragraph>
          <div>
            <Button type="primary" onClick={() => navigate('/records')}>
              {t(m.goToRecords)}
            </Button>
          </div>
        </Space>
      );
    case 'completed_removed':
      return (
        <Space orientation="vertical">
          <Alert type="success" showIcon title={t(m.completedTitle)} description={t(m.completedText)} />
          <Button onClick={() => navigate('/records')}>{t(m.goToRecords)}</Button>
        </Space>
      );
    case 'abandoned':
      return <Alert type="info" showIcon title={t(m.abandonedTitle)} description={t(m.abandonedText)} />;
  }
}
