import { Alert, Button, Card, Descriptions, Input, List, Result, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useId } from 'react';
import { Link, useNavigate } from 'react-router';
import { PROVINCES } from '../../../../../src/contracts/reference-data.ts';
import { CopyButton } from '../../../components/copy-button.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useRecords } from '../../orders/api/get-records.ts';
import { AccessRiskAlert } from '../components/access-risk-alert.tsx';
import { recordsText } from '../messages.ts';
import '../records.css';
import '../../../components/tags.css';

/** The footer code every filed website must show: its number linked to MIIT's filing system. */
export const footerSnippet = (icpNumber: string) =>
  `<a href="https://beian.miit.gov.cn/" target="_blank" rel="noopener">${icpNumber}</a>`;

function Snippet({ domain, icpNumber }: { domain: string; icpNumber: string }) {
  const { t } = useI18n();
  const id = useId();
  const code = footerSnippet(icpNumber);
  return (
    <div className="records-snippet">
      <label htmlFor={id} className="records-snippet-label">
        {t(recordsText.snippetLabel, { domain })}
      </label>
      <Space.Compact style={{ width: '100%' }}>
        <Input.TextArea id={id} value={code} readOnly autoSize spellCheck={false} className="records-code" />
        <CopyButton text={code} label={t(recordsText.copySnippet, { domain })} />
      </Space.Compact>
    </div>
  );
}

export default function RecordsPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const records = useRecords();
  return (
    <div>
      <div className="records-head">
        <Typography.Title level={1} className="records-title">
          {t(recordsText.title)}
        </Typography.Title>
        <Link to="/records/history">{t(recordsText.historyLink)}</Link>
      </div>
      <QueryState query={records}>
        {(r) =>
          !r.subject ? (
            <Result
              status="info"
              title={t(recordsText.noSubjectTitle)}
              subTitle={t(recordsText.noSubjectBody)}
              extra={
                <Button type="primary" onClick={() => navigate('/')}>
                  {t(recordsText.startFiling)}
                </Button>
              }
            />
          ) : (
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <Card title={<h2 className="records-card-title">{t(recordsText.subjectTitle)}</h2>}>
                <Descriptions column={{ xs: 1, sm: 2 }} size="small">
                  <Descriptions.Item label={t(recordsText.sponsor)}>{r.subject.name}</Descriptions.Item>
                  <Descriptions.Item label={t(recordsText.subjectNumber)}>
                    <strong>{r.subject.icpNumber}</strong>
                  </Descriptions.Item>
                  <Descriptions.Item label={t(recordsText.province)}>
                    {(() => {
                      const p = PROVINCES.find((x) => x.code === r.subject?.province);
                      return p ? (locale === 'zh-CN' ? p.nameZh : p.nameEn) : r.subject.province;
                    })()}
                  </Descriptions.Item>
                  <Descriptions.Item label={t(recordsText.approvedAt)}>
                    {dayjs(r.subject.approvedAt).format('YYYY-MM-DD')}
                  </Descriptions.Item>
                </Descriptions>
              </Card>
              <Alert type="warning" showIcon title={t(recordsText.psbTitle)} description={t(recordsText.psbBody)} />
              <Card title={<h2 className="records-card-title">{t(recordsText.websitesTitle)}</h2>}>
                <Typography.Paragraph type="secondary">{t(recordsText.snippetHint)}</Typography.Paragraph>
                <List
                  dataSource={r.websites}
                  locale={{ emptyText: t(recordsText.noWebsites) }}
                  renderItem={(w) => (
                    <List.Item className="records-website">
                      <Space wrap size={8}>
                        <h3 className="records-domain">{w.domain}</h3>
                        <Tag color={w.status === 'active' ? 'success' : 'default'}>
                          {w.status === 'active' ? t(recordsText.statusActive) : w.status}
                        </Tag>
                        {w.accessRisk && <Tag color="error">{t(recordsText.riskTag)}</Tag>}
                      </Space>
                      {w.accessRisk && (
                        <AccessRiskAlert risk={w.accessRisk} domain={w.domain} websiteId={w.id} actions={w.actions} />
                      )}
                      <Descriptions column={{ xs: 1, sm: 3 }} size="small">
                        <Descriptions.Item label={t(recordsText.websiteName)}>{w.name}</Descriptions.Item>
                        <Descriptions.Item label={t(recordsText.websiteNumber)}>{w.icpNumber}</Descriptions.Item>
                        <Descriptions.Item label={t(recordsText.approvedAt)}>
                          {dayjs(w.approvedAt).format('YYYY-MM-DD')}
                        </Descriptions.Item>
                      </Descriptions>
                      <Snippet domain={w.domain} icpNumber={w.icpNumber} />
                    </List.Item>
                  )}
                />
              </Card>
            </Space>
          )
        }
      </QueryState>
    </div>
  );
}
