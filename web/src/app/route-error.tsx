import { Button, Result } from 'antd';
import { useRouteError } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';

/** A page that failed to load (often a new deployment replaced its code): offer a reload. */
export function RouteError() {
  const { t } = useI18n();
  const error = useRouteError();
  return (
    <Result
      status="error"
      title={t({ zh: '页面出错了', en: 'This page failed' })}
      subTitle={error instanceof Error ? error.message : undefined}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t({ zh: '重新加载', en: 'Reload' })}
        </Button>
      }
    />
  );
}
