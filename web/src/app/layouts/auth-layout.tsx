import { Card } from 'antd';
import { Outlet } from 'react-router';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { common } from '../../components/messages.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import './portal-layout.css';

/** Sign-in and sign-up: one centred card, the language switch above it. */
export default function AuthLayout() {
  const { t } = useI18n();
  return (
    <main
      id="main"
      className="portal-center"
      style={{ flexDirection: 'column', gap: 12, background: '#f5f7fa', minHeight: '100vh' }}
    >
      <div
        style={{ width: '100%', maxWidth: 420, display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}
      >
        <span className="portal-brand">{t(common.appName)}</span>
        <LanguageSwitch />
      </div>
      <Card style={{ width: '100%', maxWidth: 420 }}>
        <Outlet />
      </Card>
    </main>
  );
}
