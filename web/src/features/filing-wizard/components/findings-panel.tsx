import { Alert, Button, Collapse, Space, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type FieldNote, noteText } from '../field-messages.ts';
import { wizardText } from '../messages.ts';

const SEVERITY = {
  block: { color: 'error', label: wizardText.severityBlock },
  rejection: { color: 'error', label: wizardText.severityBlock },
  warn: { color: 'warning', label: wizardText.severityWarn },
  'reviewer-check': { color: 'default', label: wizardText.severityReviewer },
} as const;

/** The pre-check's findings of a step (or all of them on the confirm page), each with a link to its field. */
export function FindingsPanel({
  notes,
  onGo,
  defaultOpen = false,
  id,
}: {
  notes: FieldNote[];
  onGo: (field: string) => void;
  defaultOpen?: boolean;
  id?: string;
}) {
  const { t, locale } = useI18n();
  if (notes.length === 0) return null;
  const blocking = notes.some((n) => n.severity === 'block' || n.severity === 'rejection');
  return (
    <section className="wizard-findings" aria-label={t(wizardText.findingsTitle, { count: notes.length })} id={id}>
      <Collapse
        defaultActiveKey={defaultOpen || blocking ? ['f'] : []}
        items={[
          {
            key: 'f',
            label: (
              <Space wrap>
                <Typography.Text strong>{t(wizardText.findingsTitle, { count: notes.length })}</Typography.Text>
                {blocking && <Tag color="error">{t(wizardText.severityBlock)}</Tag>}
              </Space>
            ),
            children: (
              <>
                <Typography.Paragraph type="secondary">{t(wizardText.findingsHint)}</Typography.Paragraph>
                <ul className="wizard-findings-list">
                  {notes.map((n) => (
                    <li key={`${n.ruleId ?? n.severity}-${n.field}`} className="wizard-finding">
                      <div className="wizard-finding-text">
                        <Space wrap size={4}>
                          <Tag color={SEVERITY[n.severity].color}>{t(SEVERITY[n.severity].label)}</Tag>
                          <Typography.Text strong>{noteText(n.message, locale)}</Typography.Text>
                        </Space>
                        {n.fix && (
                          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                            {t(wizardText.fixPrefix, { fix: noteText(n.fix, locale) })}
                          </Typography.Paragraph>
                        )}
                      </div>
                      <Button type="link" size="small" onClick={() => onGo(n.field)}>
                        {t(wizardText.goToField)}
                      </Button>
                    </li>
                  ))}
                </ul>
              </>
            ),
          },
        ]}
      />
    </section>
  );
}

/** The role="alert" summary after a failed 下一步 or submission. */
export function StepErrorSummary({ message, items }: { message: string | null; items?: string[] }) {
  const box = useRef<HTMLDivElement>(null);
  // The summary sits above the step, the button that failed below it: bring it into sight (aria-live speaks it).
  useEffect(() => {
    if (message) box.current?.scrollIntoView?.({ block: 'center' });
  }, [message]);
  return (
    <div aria-live="assertive" ref={box}>
      {message && (
        <Alert
          type="error"
          role="alert"
          showIcon
          className="wizard-alert"
          title={message}
          {...(items &&
            items.length > 0 && {
              description: (
                <ul className="wizard-error-list">
                  {items.slice(0, 8).map((i) => (
                    <li key={i}>{i}</li>
                  ))}
                </ul>
              ),
            })}
        />
      )}
    </div>
  );
}
