import { BellOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Dropdown, Layout, Menu, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { ApiError, onSessionExpired } from '../../api/client.ts';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { common } from '../../components/messages.ts';
import { ErrorAlert } from '../../components/query-state.tsx';
import { useMe } from '../../features/auth/api/get-me.ts';
import { useSignOut } from '../../features/auth/api/sign-out.ts';
import { useInbox } from '../../features/inbox/api/get-inbox.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import './portal-layout.css';

const NAV = [
  { path: '/', label: common.navHome },
  { path: '/records', label: common.navRecords },
  { path: '/codes', label: common.navCodes },
] as const;

/** Which top-level entry a path belongs to. */
const section = (path: string) =>
  path.startsWith('/records')
    ? '/records'
    : path.startsWith('/codes')
      ? '/codes'
      : path.startsWith('/inbox')
        ? '/inbox'
        : path.startsWith('/account')
          ? '/account'
          : '/';

/**
 * The signed-in applicant's frame: header with navigation, inbox count, language and account menu. A session
 * that ends while the user works sends them to sign-in and back here afterwards (drafts are saved on the server).
 */
export function PortalLayout() {
  const { t } = useI18n();
  const me = useMe();
  const inbox = useInbox(me.isSuccess);
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const from = `${location.pathname}${location.search}`;
  const [phoneNavOpen, setPhoneNavOpen] = useState(false);
  // A followed link closes the phone menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path change is the trigger
  useEffect(() => setPhoneNavOpen(false), [location.pathname]);

  useEffect(
    () => onSessionExpired(() => navigate('/sign-in', { replace: true, state: { from, expired: true } })),
    [navigate, from],
  );

  if (me.isPending)
    return (
      <div className="portal-center">
        <Spin aria-label={t(common.loading)} />
      </div>
    );
  if (me.error instanceof ApiError && me.error.code === 'AUTH_REQUIRED')
    return <Navigate to="/sign-in" replace state={{ from }} />;
  if (me.error || !me.data)
    return (
      <div className="portal-center">
        <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
      </div>
    );

  const user = me.data;
  const unread = inbox.data?.unreadCount ?? 0;
  return (
    <Layout className="portal">
      <a className="skip-link" href="#main">
        {t({ zh: '跳到主要内容', en: 'Skip to content' })}
      </a>
      <Layout.Header className="portal-header">
        <Link to="/" className="portal-brand">
          {t(common.appName)}
        </Link>
        <nav aria-label={t(common.mainNav)} className="portal-nav">
          <Menu
            mode="horizontal"
            // The overflow "…" hides items with aria-hidden while they stay focusable (axe: aria-hidden-focus).
            // Phones get the disclosure menu below instead (portal-layout.css hides this one under 640 px).
            disabledOverflow
            selectedKeys={[section(location.pathname)]}
            items={NAV.map((n) => ({ key: n.path, label: <Link to={n.path}>{t(n.label)}</Link> }))}
          />
        </nav>
        <div className="portal-tools">
          <Button
            className="portal-menu-button"
            type="text"
            icon={<MenuOutlined />}
            aria-expanded={phoneNavOpen}
            aria-controls="portal-phone-nav"
            aria-label={t(common.mainNav)}
            onClick={() => setPhoneNavOpen((open) => !open)}
          />
          <Link to="/inbox" aria-label={`${t(common.navInbox)} (${unread})`}>
            <Badge count={unread} size="small">
              <BellOutlined style={{ fontSize: 18 }} />
            </Badge>
          </Link>
          <LanguageSwitch />
          <Dropdown
            menu={{
              items: [
                { key: 'email', label: user.email, disabled: true },
                {
                  key: 'keys',

                  label: <Link to="/account/api-keys">{t(common.navApiKeys)}</Link>,
                },
                ...(user.role === 'applicant'
                  ? [
                      {
                        key: 'hooks',

                        label: <Link to="/account/webhooks">{t(common.navWebhooks)}</Link>,
                      },
                    ]
                  : []),
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
              <span className="portal-user-name">{user.displayName}</span>
            </Button>
          </Dropdown>
        </div>
      </Layout.Header>
      {phoneNavOpen && (
        <nav id="portal-phone-nav" className="portal-phone-nav" aria-label={t(common.mainNav)}>
          <ul>
            {NAV.map((n) => (
              <li key={n.path}>
                <Link to={n.path} aria-current={section(location.pathname) === n.path ? 'page' : undefined}>
                  {t(n.label)}
                </Link>
              </li>
            ))}
            <li>
              <Link to="/inbox" aria-current={section(location.pathname) === '/inbox' ? 'page' : undefined}>
                {t(common.navInbox)} {unread > 0 ? `(${unread})` : ''}
              </Link>
            </li>
            <li>
              <Link to="/account/api-keys">{t(common.navApiKeys)}</Link>
            </li>
            {user.role === 'applicant' && (
              <li>
                <Link to="/account/webhooks">{t(common.navWebhooks)}</Link>
              </li>
            )}
          </ul>
        </nav>
      )}
      <Layout.Content id="main" className="portal-content" tabIndex={-1}>
        {user.role === 'sub_account' && (
          <Alert className="portal-notice" type="info" showIcon title={t(common.subAccountNotice)} />
        )}
        <Outlet />
      </Layout.Content>
      <Layout.Footer className="portal-footer">{t(common.footer)}</Layout.Footer>
    </Layout>
  );
}
