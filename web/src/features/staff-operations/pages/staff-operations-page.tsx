import { Alert, Segmented, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import '../../../components/tags.css';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useMe } from '../../auth/api/get-me.ts';
import { fw } from '../../staff-forwarding/messages.ts';
import { cal } from '../calendar-messages.ts';
import { AccessRisksPanel } from '../components/access-risks-panel.tsx';
import { CodesPanel } from '../components/codes-panel.tsx';
import { NoticesPanel } from '../components/notices-panel.tsx';
import { ReasonTemplatesPanel } from '../components/reason-templates-panel.tsx';
import { StaffAccountsPanel } from '../components/staff-accounts-panel.tsx';
import { WorkingCalendarPanel } from '../components/working-calendar-panel.tsx';
import { op } from '../messages.ts';

const TABS = ['templates', 'notices', 'staff', 'codes', 'access-risks', 'calendar'] as const;
type Tab = (typeof TABS)[number];

/**
 * /staff/operations (admins): reason templates, the notice board, staff accounts, authorization codes, the
 * filed websites whose access resource is gone, and the working-day calendar.
 */
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
      {/* A segmented switch, not antd Tabs: at phone width Tabs folds items into a "more" button axe rejects. */}
      <div style={{ overflowX: 'auto' }}>
        <Segmented<Tab>
          value={tab}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
          options={[
            { value: 'templates', label: t(op.tabTemplates) },
            { value: 'notices', label: t(op.tabNotices) },
            { value: 'staff', label: t(op.tabStaff) },
            { value: 'codes', label: t(op.tabCodes) },
            { value: 'access-risks', label: t(op.tabAccessRisks) },
            { value: 'calendar', label: t(cal.tab) },
          ]}
        />
      </div>
      {tab === 'templates' && <ReasonTemplatesPanel />}
      {tab === 'notices' && <NoticesPanel />}
      {tab === 'staff' && <StaffAccountsPanel />}
      {tab === 'codes' && <CodesPanel />}
      {tab === 'access-risks' && <AccessRisksPanel />}
      {tab === 'calendar' && <WorkingCalendarPanel />}
    </Space>
  );
}
