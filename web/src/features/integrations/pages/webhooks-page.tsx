import { Typography } from 'antd';
import { useI18n } from '../../../i18n/i18n.tsx';
import { WebhooksPanel } from '../components/webhooks-panel.tsx';
import { hooksText } from '../messages.ts';
import '../integrations.css';

/** Account settings → Webhook (/account/webhooks). */
export default function WebhooksPage() {
  const { t } = useI18n();
  return (
    <div>
      <Typography.Title level={1} className="integrations-title">
        {t(hooksText.title)}
      </Typography.Title>
      <WebhooksPanel audience="account" />
    </div>
  );
}
