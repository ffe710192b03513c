import { Alert, Space, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useMe } from '../../auth/api/get-me.ts';
import { fw } from '../../staff-forwarding/messages.ts';
import { CodesPanel } from '../components/codes-panel.tsx';
import { NoticesPanel } from '../components/notices-panel.tsx';
import { ReasonTemplatesPanel } from '../components/reason-templates-panel.tsx';
import { StaffAccountsPanel } from '../components/staff-accounts-panel.tsx';
import { op } from '../messages.ts';

const TABS = ['templates', 'notices', 'staff', 'codes'] as const;

/** /staff/operations (admins): reason templates, the notice board, staff accounts, authorization codes. */
export default function StaffOperationsPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((x) => x === params.get('tab')) ?? 'templates';
  if (me.data && me.data.role !== 'admin') return <Alert type="info" showIcon title={t(fw.adminOnly)} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t(op.title)}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={[
          { key: 'templates', label: t(op.tabTemplates), children: <ReasonTemplatesPanel /> },
          { key: 'notices', label: t(op.tabNotices), children: <NoticesPanel /> },
          { key: 'staff', label: t(op.tabStaff), children: <StaffAccountsPanel /> },
          { key: 'codes', label: t(op.tabCodes), children: <CodesPanel /> },
        ]}
      />
    </Space>
  );
}
