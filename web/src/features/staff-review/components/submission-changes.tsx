import { Alert, Card, Skeleton, Typography } from 'antd';
import { ErrorAlert } from '../../../components/query-state.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { defineMessages } from '../../../i18n/message.ts';
import { fieldLabel } from '../../order-progress/messages.ts';
import { useSubmissionChanges } from '../api/get-changes.ts';

const m = defineMessages({
  title: { zh: '本次重新提交的修改（第 {n} 次提交）', en: 'Changes in this resubmission (submission {n})' },
  intro: {
    zh: '与 {at} 的上一次提交相比，申请人修改了以下字段；上次驳回的原因一并列出。',
    en: 'Compared with the previous submission of {at}, the applicant changed these fields; the last return’s reasons are listed too.',
  },
  none: {
    zh: '与上一次提交相比没有修改任何字段（可能只重新上传了资料）。',
    en: 'No field changed since the previous submission (perhaps only materials were uploaded again).',
  },
  field: { zh: '字段', en: 'Field' },
  before: { zh: '修改前', en: 'Before' },
  after: { zh: '修改后', en: 'After' },
  empty: { zh: '（空）', en: '(empty)' },
  lastReasons: { zh: '上次驳回原因', en: 'Reasons of the last return' },
  reasonFor: { zh: '驳回原因：{text}', en: 'Returned because: {text}' },
});

/** For a resubmission, the field-by-field diff against the previous submission and the last return's reasons. */
export function SubmissionChanges({ orderId, version }: { orderId: string; version: number }) {
  const { t, locale } = useI18n();
  const q = useSubmissionChanges(orderId, version);
  if (q.isPending) return <Skeleton active />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const c = q.data;
  if (c.submissionNumber < 2 || !c.previousSubmittedAt) return null;
  const reasonOf = (field: string) => c.lastReasons.find((r) => r.field === field);
  return (
    <Card
      size="small"
      className="sr-changes"
      title={<h2 className="sr-h2">{t(m.title, { n: c.submissionNumber })}</h2>}
    >
      <Typography.Paragraph type="secondary">
        {t(m.intro, { at: new Date(c.previousSubmittedAt).toLocaleString(locale) })}
      </Typography.Paragraph>
      {c.changes.length === 0 ? (
        <Alert type="info" showIcon title={t(m.none)} />
      ) : (
        <table className="sr-diff">
          <thead>
            <tr>
              <th scope="col">{t(m.field)}</th>
              <th scope="col">{t(m.before)}</th>
              <th scope="col">{t(m.after)}</th>
            </tr>
          </thead>
          <tbody>
            {c.changes.map((ch) => {
              const reason = reasonOf(ch.field);
              return (
                <tr key={ch.field}>
                  <th scope="row">
                    {fieldLabel(ch.field, locale)}
                    {reason && <div className="sr-diff-reason">{t(m.reasonFor, { text: reason.message })}</div>}
                  </th>
                  <td>
                    <del>{ch.before ?? t(m.empty)}</del>
                  </td>
                  <td>
                    <ins>{ch.after ?? t(m.empty)}</ins>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {c.lastReasons.length > 0 && (
        <>
          <Typography.Title level={3} style={{ fontSize: 14, marginTop: 12 }}>
            {t(m.lastReasons)}
          </Typography.Title>
          <ul className="sr-diff-reasons">
            {c.lastReasons.map((r) => (
              <li key={`${r.field}-${r.code}`}>
                <strong>{fieldLabel(r.field, locale)}</strong>: {r.message}
                {r.suggestion ? ` (${r.suggestion})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
