import { CheckCircleFilled, MessageOutlined, QrcodeOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Flex, QRCode, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../../api/errors.ts';
import { useI18n } from '../../../../i18n/i18n.tsx';
import type { OrderView } from '../../../orders/api/get-order.ts';
import { type IssuedVerifyLink, useIssueVerifyLink } from '../../api/verify-links.ts';
import { MaterialCard, type MaterialView, StoredMaterial } from '../materials/material-card.tsx';
import { vt } from './messages.ts';

const useNow = (intervalMs: number) => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
};

const mmss = (ms: number) => {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

type Props = {
  order: OrderView;
  websiteIndex: number;
  photo: MaterialView | undefined;
  openedOnPhone: boolean;
};

/** One website's responsible person: QR code and SMS link for the phone, or an upload here; done when it arrived. */
export function WebsiteVerification({ order, websiteIndex, photo, openedOnPhone }: Props) {
  const { t } = useI18n();
  const issue = useIssueVerifyLink(order.id);
  const [link, setLink] = useState<IssuedVerifyLink | null>(null);
  const now = useNow(1000);
  const website = order.data.websites[websiteIndex];
  const person = website?.sameAsSubjectResponsible ? order.data.subject?.responsiblePerson : website?.responsiblePerson;
  const mobile = person?.mobile;
  const left = link ? new Date(link.expiresAt).getTime() - now : 0;
  const expired = link !== null && left <= 0;
  const minutes = link ? Math.round(link.ttlSeconds / 60) : 10;

  const make = (sendSms: boolean) => issue.mutate({ websiteIndex, sendSms }, { onSuccess: (l) => setLink(l) });

  const smsText = (l: IssuedVerifyLink) =>
    l.sms === 'sent'
      ? t(vt.smsSent, { mobile: l.mobileMasked ?? '', minutes })
      : l.sms === 'rate_limited'
        ? t(vt.smsRateLimited)
        : l.sms === 'no_phone'
          ? t(vt.smsNoPhone)
          : l.sms === 'failed'
            ? t(vt.smsFailed)
            : null;
  const headingId = `verify-website-${websiteIndex}`;

  return (
    <Card
      aria-labelledby={headingId}
      title={
        <Flex gap={8} wrap align="center">
          <Typography.Title level={3} id={headingId} style={{ margin: 0, fontSize: 16 }}>
            {t(vt.websiteCard, { n: websiteIndex + 1, domain: website?.domain ?? '' })}
          </Typography.Title>
          {photo ? (
            <Tag className="tag-ok" icon={<CheckCircleFilled />}>
              {t(vt.done)}
            </Tag>
          ) : (
            <Tag className="tag-todo">{t(vt.waiting)}</Tag>
          )}
        </Flex>
      }
    >
      {person?.name && <Typography.Paragraph>{t(vt.person, { name: person.name })}</Typography.Paragraph>}
      <div aria-live="polite">
        {photo ? (
          <StoredMaterial material={photo} label={t(vt.curtainLabel)} />
        ) : openedOnPhone && link && !expired ? (
          <Alert type="info" showIcon title={t(vt.openedOnPhone)} style={{ marginBottom: 12 }} />
        ) : null}
      </div>
      {!photo && (
        <Flex vertical gap={12}>
          <Flex gap={8} wrap>
            <Button icon={<QrcodeOutlined />} type="primary" loading={issue.isPending} onClick={() => make(false)}>
              {link ? t(vt.refresh) : t(vt.showQr)}
            </Button>
            <Button icon={<MessageOutlined />} loading={issue.isPending} onClick={() => make(true)}>
              {mobile ? t(vt.sendSms, { mobile }) : t(vt.sendSmsNoMobile)}
            </Button>
          </Flex>
          <div role="alert">
            {issue.error && (
              <Alert
                type="error"
                showIcon
                title={t(vt.issueFailed)}
                description={(() => {
                  const e = errorMessage(issue.error);
                  return t(e.message, e.params);
                })()}
              />
            )}
          </div>
          {link && smsText(link) && (
            <Alert type={link.sms === 'sent' ? 'success' : 'warning'} showIcon title={smsText(link)} />
          )}
          {link && (
            <Flex gap={16} wrap align="flex-start">
              <figure style={{ margin: 0 }}>
                <QRCode
                  value={link.url}
                  size={180}
                  status={expired ? 'expired' : 'active'}
                  onRefresh={() => make(false)}
                  statusRender={expired ? undefined : undefined}
                  aria-label={t(vt.qrAlt, { n: websiteIndex + 1 })}
                  role="img"
                />
                <figcaption style={{ fontSize: 12, textAlign: 'center', marginTop: 4 }}>
                  {expired ? t(vt.expired) : t(vt.expiresIn, { time: mmss(left) })}
                </figcaption>
              </figure>
              <Space direction="vertical" style={{ flex: '1 1 240px', minWidth: 0 }}>
                <Typography.Text>{t(vt.qrCaption, { minutes })}</Typography.Text>
                <Typography.Text type="secondary">{t(vt.linkText)}</Typography.Text>
                {!expired && (
                  <Typography.Paragraph copyable={{ text: link.url }} style={{ wordBreak: 'break-all', margin: 0 }}>
                    <a href={link.url} target="_blank" rel="noreferrer" data-testid={`verify-link-${websiteIndex}`}>
                      {link.url}
                    </a>
                  </Typography.Paragraph>
                )}
              </Space>
            </Flex>
          )}
          <Collapse
            size="small"
            items={[
              {
                key: 'upload',
                label: t(vt.orUploadHere),
                children: (
                  <MaterialCard
                    orderId={order.id}
                    requirement={{
                      kind: 'curtain_photo',
                      websiteIndex,
                      label: { zhCN: vt.curtainLabel.zh, enUS: vt.curtainLabel.en },
                      reason: { zhCN: vt.curtainReason.zh, enUS: vt.curtainReason.en },
                      ruleId: 'authenticity.curtain_photo',
                    }}
                    uploaded={undefined}
                    knownValidUntil={undefined}
                  />
                ),
              },
            ]}
          />
        </Flex>
      )}
    </Card>
  );
}
