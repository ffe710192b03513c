import { Alert, Button, Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { common } from './messages.ts';

/** The error of a request as the user reads it: the catalogue's text and a retry. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const { message, params } = errorMessage(error);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t(common.loadFailed)}
      description={t(message, params)}
      action={onRetry ? <Button onClick={onRetry}>{t(common.retry)}</Button> : undefined}
    />
  );
}

type QueryLike<T> = { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };

/** Loading, error and (optionally) empty states of one request, then its content. */
export function QueryState<T>({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: QueryLike<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (query.isPending) return <Skeleton active aria-busy="true" aria-label={t(common.loading)} />;
  if (query.error || query.data === undefined)
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty?.(query.data)) return <>{empty ?? <Empty description={t(common.empty)} />}</>;
  return <>{children(query.data)}</>;
}
