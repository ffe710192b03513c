import { FileAddOutlined } from '@ant-design/icons';
import { Button, Card, Skeleton, Space, Steps, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useNavigate } from 'react-router';
import type { AccountRecords } from '../../../../../src/contracts/records-api.ts';
import { QueryState } from '../../../components/query-state.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useRecords } from '../../orders/api/get-records.ts';
import { NoticeBoard } from '../components/notice-board.tsx';
import { OpenOrders } from '../components/open-orders.tsx';
import { homeText } from '../messages.ts';
import '../home.css';
import '../../../components/tags.css';

const SubjectView = lazy(() => import('../components/subject-view.tsx'));

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

export default function HomePage() {
  const { t } = useI18n();
  const records = useRecords();
  return (
    <div className="home">
      <Typography.Title level={1} className="page-title">
        {t(homeText.title)}
      </Typography.Title>
      <NoticeBoard />
      <QueryState query={records}>
        {(r) => (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            {r.subject ? (
              <Suspense fallback={<Skeleton active />}>
                <SubjectView records={{ ...r, subject: r.subject }} />
              </Suspense>
            ) : (
              <ViewA records={r} />
            )}
            <OpenOrders />
          </Space>
        )}
      </QueryState>
    </div>
  );
}
