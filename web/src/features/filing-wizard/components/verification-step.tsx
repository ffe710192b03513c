import { Alert, Button, Card, Flex, Typography } from 'antd';
import { errorMessage } from '../../../api/errors.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type OrderView, useOrder } from '../../orders/api/get-order.ts';
import { useSubmitAuthenticity } from '../api/submit-authenticity.ts';
import { useVerifyLinks } from '../api/verify-links.ts';
import { SampleImage } from './materials/sample-image.tsx';
import './materials/materials.css';
import { vt } from './verification/messages.ts';
import { WebsiteVerification } from './verification/website-verification.tsx';

const POLL_MS = 3000;
const PHOTO_KINDS = ['curtain_photo', 'e_verify_video'];
const HAND_IN_STATES = ['pending_authenticity_verification', 'authenticity_rejected'];

/** The rules of the curtain photo (domain.md §5.3), with the pose as a drawn sample. */
export function CurtainRules() {
  const { t } = useI18n();
  return (
    <Card size="small" title={t(vt.curtainTitle)}>
      <div className="material-body" style={{ marginBottom: 0 }}>
        <figure className="material-sample">
          <SampleImage kind="curtain" label={t(vt.sampleAlt)} />
        </figure>
        <div className="material-rules">
          <ul>
            {[vt.curtainRule1, vt.curtainRule2, vt.curtainRule3, vt.curtainRule4, vt.curtainRule5].map((m) => (
              <li key={m.en}>{t(m)}</li>
            ))}
          </ul>
          <Typography.Text strong>{t(vt.noCurtainTitle)}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t(vt.noCurtain)}
          </Typography.Paragraph>
        </div>
      </div>
    </Card>
  );
}

/** The authenticity verification step: per website a QR code / SMS link for the phone; updates live. */
export function VerificationStep({ order: initial }: { order: OrderView }) {
  const { t } = useI18n();
  const live = useOrder(initial.id, { refetchInterval: POLL_MS });
  const order = live.data ?? initial;
  const photoFor = (i: number) => order.materials.find((m) => PHOTO_KINDS.includes(m.kind) && m.websiteIndex === i);
  const allDone = order.data.websites.length > 0 && order.data.websites.every((_, i) => photoFor(i));
  const links = useVerifyLinks(order.id, allDone ? false : POLL_MS);
  const submit = useSubmitAuthenticity(order.id);
  const handIn = HAND_IN_STATES.includes(order.state);
  const lastRejection = [...order.rejections].reverse().find((r) => r.stage === 'authenticity');

  return (
    <section className="materials-step" aria-labelledby="verification-step-title">
      <Typography.Title level={2} id="verification-step-title" style={{ fontSize: 20, margin: 0 }}>
        {t(vt.title)}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {order.verificationStage === 'before_submit' ? t(vt.introBefore) : t(vt.introAfter)}
      </Typography.Paragraph>
      {order.state === 'authenticity_rejected' && lastRejection && (
        <Alert
          type="error"
          showIcon
          title={t(vt.rejected)}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {lastRejection.reasons.map((r) => (
                <li key={`${r.field}-${r.code}`}>{r.message}</li>
              ))}
            </ul>
          }
        />
      )}
      <CurtainRules />
      {order.data.websites.map((w, i) => (
        <WebsiteVerification
          key={w.domain ?? `website-${i}`}
          order={order}
          websiteIndex={i}
          photo={photoFor(i)}
          openedOnPhone={
            links.data?.items.some((l) => l.websiteIndex === i && (l.state === 'opened' || l.state === 'used')) ?? false
          }
        />
      ))}
      <Typography.Text type="secondary">{t(vt.live, { seconds: POLL_MS / 1000 })}</Typography.Text>
      <div aria-live="polite" data-testid="verification-status">
        {allDone && (
          <Alert
            type="success"
            showIcon
            title={
              handIn
                ? t(vt.submitHint)
                : order.state === 'authenticity_under_review'
                  ? t(vt.submitted)
                  : t(vt.allDoneBefore)
            }
          />
        )}
      </div>
      {handIn && (
        <Flex vertical gap={8}>
          <div role="alert">
            {submit.error && (
              <Alert
                type="error"
                showIcon
                title={(() => {
                  const e = errorMessage(submit.error);
                  return t(e.message, e.params);
                })()}
              />
            )}
          </div>
          <Button type="primary" disabled={!allDone} loading={submit.isPending} onClick={() => submit.mutate()}>
            {t(vt.submit)}
          </Button>
        </Flex>
      )}
    </section>
  );
}
