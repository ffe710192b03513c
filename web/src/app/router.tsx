import { Result } from 'antd';
import { createBrowserRouter, Link } from 'react-router';
import { common } from '../components/messages.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { PortalLayout } from './layouts/portal-layout.tsx';
import { RouteError } from './route-error.tsx';

function NotFound() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t({ zh: '页面不存在', en: 'This page does not exist' })}
      extra={<Link to="/">{t(common.navHome)}</Link>}
    />
  );
}

/** Each page loads with its own code (route-level splitting keeps the first page small). */
const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({
  Component: (await load()).default,
});

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    hydrateFallbackElement: null,
    children: [
      {
        lazy: page(() => import('./layouts/auth-layout.tsx')),
        children: [
          { path: '/sign-in', lazy: page(() => import('../features/auth/pages/sign-in-page.tsx')) },
          { path: '/sign-up', lazy: page(() => import('../features/auth/pages/sign-up-page.tsx')) },
          // Staff only: the authenticator step after the password.
          {
            path: '/sign-in/second-factor',
            lazy: page(() => import('../features/auth/pages/second-factor-page.tsx')),
          },
        ],
      },
      // The phone page of authenticity verification: opened from a QR code or SMS link, no sign-in.
      { path: '/m/verify', lazy: page(() => import('../features/mobile-verify/pages/mobile-verify-page.tsx')) },
      // The provider's back office: staff roles only (the layout tells anyone else so).
      {
        path: '/staff',
        lazy: page(() => import('./layouts/staff-layout.tsx')),
        children: [
          { index: true, lazy: page(() => import('../features/staff-queue/pages/staff-queue-page.tsx')) },
          {
            path: 'orders/:id',
            lazy: page(() => import('../features/staff-review/pages/staff-review-page.tsx')),
          },
          {
            path: 'forwarding',
            lazy: page(() => import('../features/staff-forwarding/pages/staff-forwarding-page.tsx')),
          },
          { path: 'outbox', lazy: page(() => import('../features/staff-forwarding/pages/staff-outbox-page.tsx')) },
          {
            path: 'operations',
            lazy: page(() => import('../features/staff-operations/pages/staff-operations-page.tsx')),
          },
          // Admins and senior reviewers; the dashboard's chunk alone carries recharts.
          { path: 'audit', lazy: page(() => import('../features/staff-audit/pages/staff-audit-page.tsx')) },
          { path: 'insights', lazy: page(() => import('../features/staff-insights/pages/staff-insights-page.tsx')) },
          {
            path: 'integrations',
            lazy: page(() => import('../features/integrations/pages/staff-integrations-page.tsx')),
          },
        ],
      },
      {
        element: <PortalLayout />,
        children: [
          { path: '/', lazy: page(() => import('../features/home/pages/home-page.tsx')) },
          { path: '/filing/start', lazy: page(() => import('../features/home/pages/start-filing-page.tsx')) },
          { path: '/orders/:id', lazy: page(() => import('../features/order-progress/pages/order-progress-page.tsx')) },
          {
            path: '/orders/:id/edit',
            lazy: page(() => import('../features/filing-wizard/pages/filing-wizard-page.tsx')),
          },
          {
            path: '/orders/:id/materials',
            lazy: page(() => import('../features/filing-wizard/pages/materials-page.tsx')),
          },
          { path: '/records', lazy: page(() => import('../features/records/pages/records-page.tsx')) },
          { path: '/records/history', lazy: page(() => import('../features/records/pages/order-history-page.tsx')) },
          { path: '/codes', lazy: page(() => import('../features/auth-codes/pages/auth-codes-page.tsx')) },
          { path: '/inbox', lazy: page(() => import('../features/inbox/pages/inbox-page.tsx')) },
          { path: '/account/api-keys', lazy: page(() => import('../features/integrations/pages/api-keys-page.tsx')) },
          { path: '/account/webhooks', lazy: page(() => import('../features/integrations/pages/webhooks-page.tsx')) },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
