import { Typography } from 'antd';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useMe } from '../../auth/api/get-me.ts';
import { ApiKeysPanel } from '../components/api-keys-panel.tsx';
import { keysText } from '../messages.ts';
import '../integrations.css';

/** Account settings → API 密钥 (/account/api-keys). */
export default function ApiKeysPage() {
  const { t } = useI18n();
  const me = useMe();
  return (
    <div>
      <Typography.Title level={1} className="integrations-title">
        {t(keysText.title)}
      </Typography.Title>
      {me.data && <ApiKeysPanel audience="account" ownerRole={me.data.role} />}
    </div>
  );
}
