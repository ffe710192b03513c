import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import { common } from './messages.ts';

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  const next = locale === 'zh-CN' ? 'en-US' : 'zh-CN';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={() => setLocale(next)}
      lang={next}
      aria-label={`${t(common.language)}: ${next === 'en-US' ? t(common.switchToEnglish) : t(common.switchToChinese)}`}
    >
      {next === 'en-US' ? t(common.switchToEnglish) : t(common.switchToChinese)}
    </Button>
  );
}
