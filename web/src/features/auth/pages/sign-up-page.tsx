import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../../api/errors.ts';
import { common } from '../../../components/messages.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useSignUp } from '../api/sign-up.ts';
import { authText } from '../messages.ts';

type Values = { email: string; displayName: string; password: string; confirm: string };

export default function SignUpPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const signUp = useSignUp();
  const [failure, setFailure] = useState<string | null>(null);

  const onFinish = ({ email, displayName, password }: Values) => {
    setFailure(null);
    signUp.mutate(
      { email, displayName, password },
      {
        onSuccess: () => navigate('/sign-in', { state: { email, registered: true } }),
        onError: (e) => {
          const { message, params } = errorMessage(e);
          setFailure(t(message, params));
        },
      },
    );
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t(authText.signUpTitle)}
      </Typography.Title>
      <div aria-live="assertive">
        {failure && <Alert type="error" role="alert" showIcon style={{ marginBottom: 16 }} title={failure} />}
      </div>
      <Form<Values> layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item
          label={t(authText.email)}
          name="email"
          rules={[
            { required: true, message: t(authText.emailRequired) },
            { type: 'email', message: t(authText.emailInvalid) },
          ]}
        >
          <Input autoComplete="email" inputMode="email" autoFocus />
        </Form.Item>
        <Form.Item
          label={t(authText.displayName)}
          name="displayName"
          rules={[{ required: true, whitespace: true, max: 50, message: t(authText.displayNameRequired) }]}
        >
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item
          label={t(authText.password)}
          name="password"
          extra={t(authText.passwordHint)}
          rules={[
            { required: true, message: t(authText.passwordRequired) },
            { min: 12, message: t(authText.passwordTooShort) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t(authText.passwordConfirm)}
          name="confirm"
          dependencies={['password']}
          rules={[
            { required: true, message: t(authText.passwordRequired) },
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                !v || v === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t(authText.passwordMismatch))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={signUp.isPending}>
          {t(common.signUp)}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        {t(authText.haveAccount)} <Link to="/sign-in">{t(authText.goSignIn)}</Link>
      </Typography.Paragraph>
    </>
  );
}
