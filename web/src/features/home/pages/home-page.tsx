import { FileAddOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, List, Space, Steps, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router';
import type { AccountRecords } from '../../../../../src/contracts/records-api.ts';
import { PROVINCES } from '../../../../../src/contracts/reference-data.ts';
import { QueryState } from '../../../components/query-state.tsx';
import { subjectTypeLabels } from '../../../components/vocabulary.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useRecords } from '../../orders/api/get-records.ts';
import { FileWebsiteEntry } from '../components/file-website-entry.tsx';
import { OpenOrders } from '../components/open-orders.tsx';
import { RecordActions } from '../components/record-actions.tsx';
import { homeText } from '../messages.ts';
import '../home.css';
import '../../../components/tags.css';

const provinceName = (code: string, zh: boolean) => {
  const p = PROVINCES.find((x) => x.code === code);
  return p ? (zh ? p.nameZh : p.nameEn) : code;
};

/** View A: nothing filed here yet, one "开始备案". */
function ViewA({ records }: { records: AccountRecords }) {
  const { t, ts } = useI18n();
  const navigate = useNavigate();
  const start = records.actions.find((a) => a.action === 'file_website');
  return (
    <Card>
      <div className="home-welcome">
        <Typography.Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
          {t(homeText.welcomeTitle)}
        </Typography.Title>
        <Typography.Paragraph>{t(homeText.welcomeBody)}</Typography.Paragraph>
        <Button
          type="primary"
          size="large"
          icon={<FileAddOutlined />}
          disabled={!start?.allowed}
          aria-describedby={start?.reason ? 'start-reason' : undefined}
          onClick={() => navigate('/filing/start')}
        >
          {t(homeText.startFiling)}
        </Button>
        {start?.reason && (
          <Typography.Paragraph id="start-reason" type="secondary" style={{ marginTop: 8 }}>
            {t(homeText.unavailable, { reason: ts(start.reason.message) })}
          </Typography.Paragraph>
        )}
      </div>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t(homeText.stepsTitle)}
      </Typography.Title>
      <Steps
        direction="vertical"
        size="small"
        current={-1}
        items={[homeText.step1, homeText.step2, homeText.step3, homeText.step4].map((m) => ({ title: t(m) }))}
      />
    </Card>
  );
}

/** View B: the subject with its number and websites, the one "file a website" entry and the record actions. */
function ViewB({ records }: { records: AccountRecords & { subject: NonNullable<AccountRecords['subject']> } }) {
  const { t, ts, locale } = useI18n();
  const { subject } = records;
  const fileWebsite = records.actions.find((a) => a.action === 'file_website');
  const subjectActions = records.actions.filter((a) => a.action !== 'file_website');
  const type = subjectTypeLabels[subject.subjectType as keyof typeof subjectTypeLabels];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={<h2 className="card-title">{t(homeText.subjectTitle)}</h2>}>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t(homeText.subjectName)}>{subject.name}</Descriptions.Item>
          <Descriptions.Item label={t(homeText.subjectNumber)}>
            <strong>{subject.icpNumber}</strong>
          </Descriptions.Item>
          <Descriptions.Item label={t(homeText.province)}>
            {provinceName(subject.province, locale === 'zh-CN')}
          </Descriptions.Item>
          <Descriptions.Item label={t(homeText.subjectType)}>{type ? t(type) : subject.subjectType}</Descriptions.Item>
          <Descriptions.Item label={t(homeText.approvedAt)}>
            {dayjs(subject.approvedAt).format('YYYY-MM-DD')}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
          {t(homeText.recordActionsTitle)}
        </Typography.Title>
        <RecordActions
          actions={subjectActions}
          target={{ kind: 'subject', name: subject.name }}
          label={t(homeText.recordActionsTitle)}
        />
        {records.openOrder && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            title={`${ts(records.openOrder.typeName)} · ${ts(records.openOrder.stateLabel)}`}
            action={
              <Link
                to={
                  records.openOrder.state === 'draft'
                    ? `/orders/${records.openOrder.id}/edit`
                    : `/orders/${records.openOrder.id}`
                }
              >
                {t(homeText.openOrderLink)}
              </Link>
            }
          />
        )}
      </Card>
      <Card title={<h2 className="card-title">{t(homeText.websitesTitle)}</h2>}>
        <List
          dataSource={records.websites}
          locale={{ emptyText: t(homeText.noWebsites) }}
          renderItem={(w) => (
            <List.Item className="home-website">
              <div className="home-website-head">
                <Space wrap size={8}>
                  <strong>{w.domain}</strong>
                  <Tag color={w.status === 'active' ? 'success' : 'default'}>
                    {w.status === 'active' ? t(homeText.statusActive) : w.status}
                  </Tag>
                </Space>
                <div>{w.name}</div>
                <div>{t(homeText.labelled, { label: t(homeText.websiteNumber), value: w.icpNumber })}</div>
              </div>
              <RecordActions
                actions={w.actions}
                target={{ kind: 'website', id: w.id, domain: w.domain }}
                label={t(homeText.websiteActions, { domain: w.domain })}
              />
            </List.Item>
          )}
        />
      </Card>
      <FileWebsiteEntry disabledReason={fileWebsite?.reason ? ts(fileWebsite.reason.message) : undefined} />
    </Space>
  );
}

export default function HomePage() {
  const { t } = useI18n();
  const records = useRecords();
  return (
    <div className="home">
      <Typography.Title level={1} className="page-title">
        {t(homeText.title)}
      </Typography.Title>
      <QueryState query={records}>
        {(r) => (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            {r.subject ? <ViewB records={{ ...r, subject: r.subject }} /> : <ViewA records={r} />}
            <OpenOrders />
          </Space>
        )}
      </QueryState>
    </div>
  );
}
