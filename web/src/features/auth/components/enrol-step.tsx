import { Alert, Button, Form, QRCode, Spin, Typography } from 'antd';
import { useState } from 'react';
import { CopyButton } from '../../../components/copy-button.tsx';
import { common } from '../../../components/messages.ts';
import { ErrorAlert } from '../../../components/query-state.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useConfirmEnrolment } from '../api/confirm-enrolment.ts';
import { useEnrolmentStart } from '../api/start-enrolment.ts';
import { sfText } from '../second-factor-messages.ts';
import { CodeInput } from './code-input.tsx';
import { secondFactorError } from './second-factor-error.ts';

/** Groups of four, as authenticator apps show keys, so the key is easier to type by hand. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

/** QR code and key of a new secret, then the first code from the app; hands the recovery codes on. */
export function EnrolStep({ onEnrolled }: { onEnrolled: (recoveryCodes: string[]) => void }) {
  const { t } = useI18n();
  const start = useEnrolmentStart(true);
  const confirm = useConfirmEnrolment();
  const [failure, setFailure] = useState<string | null>(null);

  if (start.isPending) return <Spin aria-label={t(common.loading)} />;
  if (start.error || !start.data) return <ErrorAlert error={start.error} onRetry={() => void start.refetch()} />;
  const { otpauthUri, secret } = start.data;

  const onFinish = ({ code }: { code: string }) => {
    setFailure(null);
    confirm.mutate(
      { code },
      {
        onSuccess: (answer) => onEnrolled(answer.recoveryCodes),
        onError: (e) => {
          const { message, params } = secondFactorError(e, 'code');
          setFailure(t(message, params));
        },
      },
    );
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t(sfText.enrolTitle)}
      </Typography.Title>
      <Typography.Paragraph>{t(sfText.enrolIntro)}</Typography.Paragraph>
      <div style={{ display: 'flex', justifyContent: 'center', marginBottom: 16 }}>
        {/* antd hands aria-* to the canvas, which already has role="img". */}
        <QRCode value={otpauthUri} size={180} bordered aria-label={t(sfText.qrLabel)} />
      </div>
      <Typography.Paragraph style={{ marginBottom: 4 }}>{t(sfText.manualEntry)}</Typography.Paragraph>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', marginBottom: 16 }}>
        <code data-testid="totp-secret" style={{ fontSize: 15, wordBreak: 'break-all' }}>
          {grouped(secret)}
        </code>
        <CopyButton text={secret} label={t(sfText.copySecret)} size="small" />
      </div>
      <div aria-live="assertive">
        {failure && <Alert type="error" role="alert" showIcon style={{ marginBottom: 16 }} title={failure} />}
      </div>
      <Form layout="vertical" onFinish={onFinish} requiredMark={false}>
        <CodeInput label={sfText.enrolCodeLabel} />
        <Button type="primary" htmlType="submit" block loading={confirm.isPending}>
          {t(sfText.enrolSubmit)}
        </Button>
      </Form>
    </>
  );
}
