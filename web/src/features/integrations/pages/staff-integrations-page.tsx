import { Tabs, Typography } from 'antd';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ApiKeysPanel } from '../components/api-keys-panel.tsx';
import { WebhooksPanel } from '../components/webhooks-panel.tsx';
import { hooksText, integrationsText, keysText } from '../messages.ts';
import '../integrations.css';

/** Admins: staff tools' read-only keys and platform-wide webhooks (/staff/integrations). */
export default function StaffIntegrationsPage() {
  const { t } = useI18n();
  return (
    <div>
      <Typography.Title level={1} className="integrations-title">
        {t(integrationsText.staffPageTitle)}
      </Typography.Title>
      <Tabs
        items={[
          { key: 'keys', label: t(keysText.staffTitle), children: <ApiKeysPanel audience="admin" ownerRole="admin" /> },
          { key: 'hooks', label: t(hooksText.staffTitle), children: <WebhooksPanel audience="admin" /> },
        ]}
      />
    </div>
  );
}
