import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Layout, Result, Spin } from 'antd';
import { useEffect } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { OVERSIGHT_ROLES } from '../../../../src/contracts/audit-api.ts';
import { isStaffRole } from '../../../../src/contracts/auth-api.ts';
import { ApiError, onSessionExpired } from '../../api/client.ts';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { common } from '../../components/messages.ts';
import { ErrorAlert } from '../../components/query-state.tsx';
import { useMe } from '../../features/auth/api/get-me.ts';
import { useSignOut } from '../../features/auth/api/sign-out.ts';
import { sa } from '../../features/staff-audit/messages.ts';
import { fw } from '../../features/staff-forwarding/messages.ts';
import { si } from '../../features/staff-insights/messages.ts';
import { op } from '../../features/staff-operations/messages.ts';
import { sq } from '../../features/staff-queue/messages.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Message } from '../../i18n/message.ts';
import './staff-layout.css';

/** The back office's areas; an entry with roles is shown to those roles only (the API decides anyway). */
const STAFF_NAV: { to: string; label: Message; roles?: readonly string[] }[] = [
  { to: '/staff', label: sq.navQueue },
  { to: '/staff/forwarding', label: fw.nav },
  { to: '/staff/outbox', label: fw.outboxNav, roles: ['admin'] },
  { to: '/staff/operations', label: op.nav, roles: ['admin'] },
  { to: '/staff/integrations', label: common.navIntegrations, roles: ['admin'] },
  { to: '/staff/audit', label: sa.nav, roles: OVERSIGHT_ROLES },
  { to: '/staff/insights', label: si.nav, roles: OVERSIGHT_ROLES },
];

/** The roles the back office is for; the API refuses everyone else anyway. */
export { isStaffRole };

/** The provider's back office frame (/staff): staff only; anyone else is told so and offered the portal. */
export function StaffLayout() {
  const { t } = useI18n();
  const me = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const from = `${location.pathname}${location.search}`;

  useEffect(
    () => onSessionExpired(() => navigate('/sign-in', { replace: true, state: { from, expired: true } })),
    [navigate, from],
  );

  if (me.isPending)
    return (
      <div className="staff-center">
        <Spin aria-label={t(common.loading)} />
      </div>
    );
  if (me.error instanceof ApiError && me.error.code === 'AUTH_REQUIRED')
    return <Navigate to="/sign-in" replace state={{ from }} />;
  if (me.error || !me.data)
    return (
      <div className="staff-center">
        <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
      </div>
    );
  const user = me.data;
  if (!isStaffRole(user.role))
    return (
      <main className="staff-center" id="main">
        <Result
          status="403"
          title={<h1 style={{ fontSize: 22, margin: 0 }}>{t(sq.staffOnlyTitle)}</h1>}
          subTitle={t(sq.staffOnlyText)}
          extra={
            <Link to="/" className="ant-btn ant-btn-primary">
              {t(sq.toPortal)}
            </Link>
          }
        />
      </main>
    );

  // The password alone is not enough for staff: the authenticator step first, then back here.
  if (user.secondFactor !== 'done') return <Navigate to="/sign-in/second-factor" replace state={{ from }} />;

  // antd's App gives the review screen's confirm dialogs and toasts the theme and locale (App.useApp()).
  return (
    <App>
      <Layout className="staff">
        <a className="skip-link" href="#main">
          {t({ zh: '跳到主要内容', en: 'Skip to content' })}
        </a>
        <Layout.Header className="staff-header">
          <Link to="/staff" className="staff-brand">
            {t(common.appName)}
            <span className="staff-brand-area"> · {t(sq.area)}</span>
          </Link>
          <nav aria-label={t(sq.staffNav)} className="staff-nav">
            {STAFF_NAV.filter((n) => !n.roles || n.roles.includes(user.role)).map((n) => (
              <Link key={n.to} to={n.to} aria-current={location.pathname === n.to ? 'page' : undefined}>
                {t(n.label)}
              </Link>
            ))}
          </nav>
          <div className="staff-tools">
            <LanguageSwitch />
            <Dropdown
              menu={{
                items: [
                  { key: 'email', label: user.email, disabled: true },
                  {
                    key: 'out',
                    icon: <LogoutOutlined />,
                    label: t(common.signOut),
                    onClick: () =>
                      signOut.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) }),
                  },
                ],
              }}
            >
              <Button type="text" icon={<UserOutlined />} aria-label={user.displayName}>
                <span className="staff-user-name">{user.displayName}</span>
              </Button>
            </Dropdown>
          </div>
        </Layout.Header>
        <Layout.Content id="main" className="staff-content" tabIndex={-1}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </App>
  );
}

export default StaffLayout;
