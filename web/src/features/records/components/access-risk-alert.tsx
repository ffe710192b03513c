import { Alert, Typography } from 'antd';
import dayjs from 'dayjs';
import type { AccessRiskView, RecordActionView } from '../../../../../src/contracts/records-api.ts';
import { RecordActions } from '../../../components/record-actions.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { recordsText } from '../messages.ts';

/**
 * A filed website whose server was released or expired (the provider's inventory, checked by the worker): what
 * happened, what to do and why (空壳网站), with the two actions that fix it here — 变更接入 to another server of
 * this provider, or 取消接入. Renewal itself happens in the provider's billing console.
 */
export function AccessRiskAlert({
  risk,
  domain,
  websiteId,
  actions,
}: {
  risk: AccessRiskView;
  domain: string;
  websiteId: string;
  actions: RecordActionView[];
}) {
  const { t, ts } = useI18n();
  const fixes = actions.filter((a) => a.action === 'change_access' || a.action === 'cancel_access');
  return (
    <Alert
      type="error"
      showIcon
      className="records-access-risk"
      title={t(risk.reason === 'released' ? recordsText.riskReleasedTitle : recordsText.riskExpiredTitle)}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            {ts(risk.message)} {ts(risk.fix)}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t(recordsText.riskDetected, { date: dayjs(risk.detectedAt).format('YYYY-MM-DD HH:mm') })}
          </Typography.Paragraph>
          {fixes.length > 0 && (
            <RecordActions
              actions={fixes}
              target={{ kind: 'website', id: websiteId, domain }}
              label={t(recordsText.riskActions, { domain })}
            />
          )}
        </>
      }
    />
  );
}
