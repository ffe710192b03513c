import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useVerifySecondFactor } from '../api/verify-second-factor.ts';
import { sfText } from '../second-factor-messages.ts';
import { CodeInput } from './code-input.tsx';
import { secondFactorError } from './second-factor-error.ts';

/** Sign-in's second step: the app's 6-digit code, or a recovery code instead. */
export function VerifyStep({ onVerified }: { onVerified: () => void }) {
  const { t } = useI18n();
  const verify = useVerifySecondFactor();
  const [useRecovery, setUseRecovery] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const onFinish = (values: { code?: string; recoveryCode?: string }) => {
    setFailure(null);
    const body = useRecovery ? { recoveryCode: values.recoveryCode ?? '' } : { code: values.code ?? '' };
    verify.mutate(body, {
      onSuccess: onVerified,
      onError: (e) => {
        const { message, params } = secondFactorError(e, useRecovery ? 'recovery' : 'code');
        setFailure(t(message, params));
      },
    });
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t(sfText.verifyTitle)}
      </Typography.Title>
      <Typography.Paragraph>{t(useRecovery ? sfText.recoveryHint : sfText.verifyIntro)}</Typography.Paragraph>
      <div aria-live="assertive">
        {failure && <Alert type="error" role="alert" showIcon style={{ marginBottom: 16 }} title={failure} />}
      </div>
      <Form layout="vertical" onFinish={onFinish} requiredMark={false} key={useRecovery ? 'recovery' : 'code'}>
        {useRecovery ? (
          <Form.Item
            label={t(sfText.recoveryLabel)}
            name="recoveryCode"
            rules={[{ required: true, whitespace: true, message: t(sfText.recoveryRequired) }]}
          >
            <Input autoComplete="off" autoFocus maxLength={32} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        ) : (
          <CodeInput label={sfText.codeLabel} />
        )}
        <Button type="primary" htmlType="submit" block loading={verify.isPending}>
          {t(sfText.verifySubmit)}
        </Button>
      </Form>
      <Button
        type="link"
        style={{ paddingInline: 0, marginTop: 8 }}
        onClick={() => {
          setFailure(null);
          setUseRecovery((v) => !v);
        }}
      >
        {t(useRecovery ? sfText.useApp : sfText.useRecovery)}
      </Button>
    </>
  );
}
