import { Alert, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { StaffAccessRisks } from '../../../../../src/contracts/records-api.ts';
import { QueryState } from '../../../components/query-state.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useAccessRisks } from '../api/access-risks.ts';
import { op } from '../messages.ts';
import './access-risks-panel.css';

type Row = StaffAccessRisks['items'][number];

/**
 * Filed websites whose access resource is gone (the worker's access sweep): the provider follows up before they
 * become shell websites (空壳网站). Each risk ends by itself when the server is renewed or the access cancelled.
 */
export function AccessRisksPanel() {
  const { t } = useI18n();
  const risks = useAccessRisks();
  return (
    <QueryState query={risks}>
      {(r) => (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Alert type={r.openCount > 0 ? 'warning' : 'success'} showIcon title={t(op.arCount, { n: r.openCount })} />
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t(op.arHint)}
          </Typography.Paragraph>
          {/* The table scrolls sideways on a phone inside a focusable region, so the keyboard can scroll it too. */}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take the focus (WCAG 2.1.1) */}
          <section className="access-risks-scroll" aria-label={t(op.tabAccessRisks)} tabIndex={0}>
            <Table<Row>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={r.items}
              locale={{ emptyText: t(op.arEmpty) }}
              columns={[
                { key: 'domain', title: t(op.arDomain), dataIndex: 'domain' },
                { key: 'number', title: t(op.arNumber), dataIndex: 'websiteNumber' },
                { key: 'subject', title: t(op.arSubject), dataIndex: 'subjectName' },
                {
                  key: 'reason',
                  title: t(op.arReason),
                  render: (_, row) => (
                    <Tag color="error">{t(row.reason === 'released' ? op.arReleased : op.arExpired)}</Tag>
                  ),
                },
                { key: 'resource', title: t(op.arResource), render: (_, row) => <code>{row.resourceId}</code> },
                {
                  key: 'detected',
                  title: t(op.arDetected),
                  render: (_, row) => dayjs(row.detectedAt).format('YYYY-MM-DD HH:mm'),
                },
              ]}
            />
          </section>
        </Space>
      )}
    </QueryState>
  );
}
