import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { isStaffRole } from '../../../../../src/contracts/auth-api.ts';
import { ApiError } from '../../../api/client.ts';
import { errorMessage, retryAfterMessage } from '../../../api/errors.ts';
import { common } from '../../../components/messages.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useSignIn } from '../api/sign-in.ts';
import { authText } from '../messages.ts';

type LocationState = { from?: string; expired?: boolean; email?: string; registered?: boolean } | null;

export default function SignInPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const state = useLocation().state as LocationState;
  const signIn = useSignIn();
  const [failure, setFailure] = useState<string | null>(null);

  const onFinish = (values: { email: string; password: string }) => {
    setFailure(null);
    signIn.mutate(values, {
      // Staff without a page to return to start in the back office, after their authenticator code if owed.
      onSuccess: (user) => {
        const to = state?.from && state.from !== '/sign-in' ? state.from : isStaffRole(user.role) ? '/staff' : '/';
        if (user.secondFactor !== 'done') navigate('/sign-in/second-factor', { replace: true, state: { from: to } });
        else navigate(to, { replace: true });
      },
      onError: (e) => {
        const { message, params } = errorMessage(e);
        const wait =
          e instanceof ApiError && e.retryAfterSeconds
            ? ` ${t(retryAfterMessage, { seconds: e.retryAfterSeconds })}`
            : '';
        setFailure(`${t(message, params)}${wait}`);
      },
    });
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t(authText.signInTitle)}
      </Typography.Title>
      {state?.expired && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t(common.sessionExpired)} />
      )}
      {state?.registered && (
        <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t(authText.registered)} />
      )}
      <div aria-live="assertive">
        {failure && <Alert type="error" role="alert" showIcon style={{ marginBottom: 16 }} title={failure} />}
      </div>
      <Form layout="vertical" onFinish={onFinish} initialValues={{ email: state?.email ?? '' }} requiredMark={false}>
        <Form.Item
          label={t(authText.email)}
          name="email"
          rules={[
            { required: true, message: t(authText.emailRequired) },
            { type: 'email', message: t(authText.emailInvalid) },
          ]}
        >
          <Input autoComplete="username" inputMode="email" autoFocus />
        </Form.Item>
        <Form.Item
          label={t(authText.password)}
          name="password"
          rules={[{ required: true, message: t(authText.passwordRequired) }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
          {t(common.signIn)}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        {t(authText.noAccount)} <Link to="/sign-up">{t(authText.goSignUp)}</Link>
        <br />
        {t(authText.subAccountHint)}
      </Typography.Paragraph>
    </>
  );
}
