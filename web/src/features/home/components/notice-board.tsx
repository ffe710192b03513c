import { Alert, Space } from 'antd';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useNotices } from '../api/get-notices.ts';
import { homeText } from '../messages.ts';

/** The provider's live notices above the console; nothing at all when there are none (or they fail to load). */
export function NoticeBoard() {
  const { locale, t } = useI18n();
  const notices = useNotices();
  const items = notices.data?.items ?? [];
  if (items.length === 0) return null;
  const zh = locale === 'zh-CN';
  return (
    <Space
      orientation="vertical"
      style={{ width: '100%', marginBottom: 16 }}
      aria-label={t(homeText.notices)}
      role="region"
    >
      {items.map((n) => (
        <Alert
          key={n.id}
          type={n.level === 'warning' ? 'warning' : 'info'}
          showIcon
          title={zh ? n.titleZh : n.titleEn}
          description={<span style={{ whiteSpace: 'pre-line' }}>{zh ? n.bodyZh : n.bodyEn}</span>}
        />
      ))}
    </Space>
  );
}
