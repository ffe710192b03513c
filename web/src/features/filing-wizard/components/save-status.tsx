import { CheckCircleOutlined, CloseCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { errorMessage } from '../../../api/errors.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { wizardText } from '../messages.ts';
import type { SaveStatus as Status } from '../use-autosave.ts';

/** 已保存 hh:mm / 保存中 / 保存失败, announced politely to screen readers. */
export function SaveStatus({ status, onRetry }: { status: Status; onRetry: () => void }) {
  const { t } = useI18n();
  let content: React.ReactNode = null;
  if (status.kind === 'saving')
    content = (
      <Typography.Text type="secondary">
        <LoadingOutlined /> {t(wizardText.saving)}
      </Typography.Text>
    );
  else if (status.kind === 'saved')
    content = (
      <Typography.Text type="success">
        <CheckCircleOutlined /> {t(wizardText.savedAt, { time: dayjs(status.at).format('HH:mm') })}
      </Typography.Text>
    );
  else if (status.kind === 'dirty')
    content = <Typography.Text type="secondary">{t(wizardText.unsaved)}</Typography.Text>;
  else if (status.kind === 'error') {
    const { message, params } = errorMessage(status.error);
    content = (
      <Space size={4} wrap>
        <Typography.Text type="danger">
          <CloseCircleOutlined /> {t(wizardText.saveFailed)}: {t(message, params)}
        </Typography.Text>
        <Button size="small" onClick={onRetry}>
          {t(wizardText.saveRetry)}
        </Button>
      </Space>
    );
  } else if (status.kind === 'conflict')
    content = (
      <Typography.Text type="danger">
        <CloseCircleOutlined /> {t(wizardText.saveFailed)}
      </Typography.Text>
    );
  return (
    <div className="wizard-save-status" role="status" aria-live="polite">
      {content}
    </div>
  );
}
