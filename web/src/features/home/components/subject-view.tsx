import { Alert, Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import type { AccountRecords } from '../../../../../src/contracts/records-api.ts';
import { PROVINCES } from '../../../../../src/contracts/reference-data.ts';
import { RecordActions } from '../../../components/record-actions.tsx';
import { subjectTypeLabels } from '../../../components/vocabulary.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { homeText } from '../messages.ts';
import { FileWebsiteEntry } from './file-website-entry.tsx';

const provinceName = (code: string, zh: boolean) => {
  const p = PROVINCES.find((x) => x.code === code);
  return p ? (zh ? p.nameZh : p.nameEn) : code;
};

/**
 * View B of the home page (loaded on demand: a newcomer's first page, view A, does not need its forms and dialogs). the subject with its number and websites, the one "file a website" entry and the record actions. */
export default function SubjectView({
  records,
}: {
  records: AccountRecords & { subject: NonNullable<AccountRecords['subject']> };
}) {
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
