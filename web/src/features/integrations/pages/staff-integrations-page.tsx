import { Card, Space, Typography } from 'antd';
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
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card title={<h2 className="integrations-card-title">{t(keysText.staffTitle)}</h2>}>
          <ApiKeysPanel audience="admin" ownerRole="admin" />
        </Card>
        <Card title={<h2 className="integrations-card-title">{t(hooksText.staffTitle)}</h2>}>
          <WebhooksPanel audience="admin" />
        </Card>
      </Space>
    </div>
  );
}
