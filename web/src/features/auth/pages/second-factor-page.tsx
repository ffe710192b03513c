import { Button, Spin } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../../api/client.ts';
import { common } from '../../../components/messages.ts';
import { ErrorAlert } from '../../../components/query-state.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useMe } from '../api/get-me.ts';
import { useSignOut } from '../api/sign-out.ts';
import { EnrolStep } from '../components/enrol-step.tsx';
import { RecoveryCodes } from '../components/recovery-codes.tsx';
import { VerifyStep } from '../components/verify-step.tsx';
import { sfText } from '../second-factor-messages.ts';

type LocationState = { from?: string } | null;

/**
 * The staff sign-in's second step (/sign-in/second-factor): set up an authenticator (QR code, key, first code,
 * then the recovery codes once) or enter a code. Staff pages send a session here until it is done.
 */
export default function SecondFactorPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const from = (useLocation().state as LocationState)?.from;
  const target = from?.startsWith('/staff') ? from : '/staff';
  // Set once enrolment is confirmed; the codes stay on screen until the person says they saved them.
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const goOn = () => {
    // /auth/me now says done; read it afresh rather than trusting the cached pending state.
    void me.refetch().then(() => navigate(target, { replace: true }));
  };

  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} onDone={goOn} />;
  if (me.isPending) return <Spin aria-label={t(common.loading)} />;
  if (me.error instanceof ApiError && me.error.code === 'AUTH_REQUIRED')
    return <Navigate to="/sign-in" replace state={{ from }} />;
  if (me.error || !me.data) return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />;
  if (me.data.secondFactor === 'done') return <Navigate to={target} replace />;

  return (
    <>
      {me.data.secondFactor === 'enrol' ? (
        <EnrolStep onEnrolled={setRecoveryCodes} />
      ) : (
        <VerifyStep onVerified={() => navigate(target, { replace: true })} />
      )}
      <Button
        type="link"
        style={{ paddingInline: 0, display: 'block' }}
        onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) })}
      >
        {t(sfText.otherAccount)}
      </Button>
    </>
  );
}
