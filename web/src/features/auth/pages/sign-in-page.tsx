import { Alert, Button, Form, Input, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { isStaffRole } from '../../../../../src/contracts/auth-api.ts';
import { ApiError } from '../../../api/client.ts';
import { errorMessage, retryAfterMessage } from '../../../api/errors.ts';
import { common } from '../../../components/messages.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useSignInMethods } from '../api/public-sign-in-methods.ts';
import { useSignIn } from '../api/sign-in.ts';
import { ProviderSignIn } from '../components/provider-sign-in.tsx';
import { authText } from '../messages.ts';

type LocationState = { from?: string; expired?: boolean; email?: string; registered?: boolean } | null;

export default function SignInPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const state = useLocation().state as LocationState;
  const signIn = useSignIn();
  const [failure, setFailure] = useState<string | null>(null);
  // A provider sign-in that was refused comes back as /sign-in?error=<catalogue code>.
  const [search] = useSearchParams();
  const providerError = search.get('error');
  // The buttons wait for the config: drawn early, the e-mail button would turn from primary to default under the
  // reader's eyes. If the config cannot load, the password form stands as before.
  const methodsQuery = useSignInMethods();
  const methods = methodsQuery.data ?? { password: true, oidc: null, wechat: false };
  const external = Boolean(methods.oidc || methods.wechat);
  const [staffForm, setStaffForm] = useState(false);
  const showForm = methods.password || staffForm;
  const returnTo = state?.from && state.from !== '/sign-in' ? state.from : undefined;
  const providerName = methods.oidc ? { zh: methods.oidc.providerName.zh, en: methods.oidc.providerName.en } : null;

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
      {providerError && !failure && (
        <Alert
          type="error"
          role="alert"
          showIcon
          style={{ marginBottom: 16 }}
          title={t(errorMessage(new ApiError(401, providerError, providerError)).message, {
            code: providerError.slice(0, 40),
          })}
        />
      )}
      {methodsQuery.isPending ? (
        <Skeleton active title={false} paragraph={{ rows: 4 }} />
      ) : (
        <>
          <ProviderSignIn methods={methods} returnTo={returnTo} />
          {external && methods.password && (
            <Typography.Paragraph type="secondary" style={{ textAlign: 'center', margin: '8px 0 16px' }}>
              {t(authText.orWithEmail)}
            </Typography.Paragraph>
          )}
          {!showForm && (
            <Button type="link" onClick={() => setStaffForm(true)} style={{ paddingInline: 0 }}>
              {t(authText.staffSignIn)}
            </Button>
          )}
          {showForm && (
            <Form
              layout="vertical"
              onFinish={onFinish}
              initialValues={{ email: state?.email ?? '' }}
              requiredMark={false}
            >
              <Form.Item
                label={t(authText.email)}
                name="email"
                rules={[
                  { required: true, message: t(authText.emailRequired) },
                  { type: 'email', message: t(authText.emailInvalid) },
                ]}
              >
                <Input autoComplete="username" inputMode="email" autoFocus={!external} />
              </Form.Item>
              <Form.Item
                label={t(authText.password)}
                name="password"
                rules={[{ required: true, message: t(authText.passwordRequired) }]}
              >
                <Input.Password autoComplete="current-password" />
              </Form.Item>
              <Button type={external ? 'default' : 'primary'} htmlType="submit" block loading={signIn.isPending}>
                {t(common.signIn)}
              </Button>
            </Form>
          )}
        </>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        {methods.password && (
          <>
            {t(authText.noAccount)} <Link to="/sign-up">{t(authText.goSignUp)}</Link>
            <br />
          </>
        )}
        {providerName ? t(authText.providerSubAccountHint, { name: t(providerName) }) : t(authText.subAccountHint)}
      </Typography.Paragraph>
    </>
  );
}
