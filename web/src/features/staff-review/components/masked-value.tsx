import { EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Modal, Tag } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../api/errors.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useReveal } from '../api/reveal.ts';
import { sr } from '../messages.ts';

/** A masked personal-data value with "show": asks for a reason, then shows the value (the server audits it). */
export function MaskedValue({
  orderId,
  path,
  label,
  masked,
}: {
  orderId: string;
  path: string;
  label: string;
  masked: string;
}) {
  const { t } = useI18n();
  const reveal = useReveal(orderId);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [value, setValue] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  const tooShort = reason.trim().length < 2;

  if (value !== null)
    return (
      <span>
        <span className="sr-value">{value}</span> <Tag color="warning">{t(sr.revealed)}</Tag>
      </span>
    );
  const submit = () => {
    setTouched(true);
    if (tooShort) return;
    reveal.mutate(
      { path, reason: reason.trim() },
      {
        onSuccess: (r) => {
          setValue(r.value);
          setOpen(false);
        },
      },
    );
  };
  const failure = reveal.error ? errorMessage(reveal.error) : null;
  return (
    <span>
      <span className="sr-value">{masked}</span>{' '}
      <Button
        size="small"
        type="link"
        icon={<EyeOutlined />}
        aria-label={t(sr.revealLabel, { field: label })}
        onClick={() => setOpen(true)}
      >
        {t(sr.reveal)}
      </Button>
      <Modal
        open={open}
        title={t(sr.revealTitle)}
        onCancel={() => setOpen(false)}
        onOk={submit}
        okText={t(sr.reveal)}
        confirmLoading={reveal.isPending}
        destroyOnHidden
      >
        <p>{t(sr.revealText, { field: label })}</p>
        <label htmlFor={`reveal-${path}`} className="sr-label">
          {t(sr.revealReason)}
        </label>
        <Input
          id={`reveal-${path}`}
          value={reason}
          maxLength={200}
          autoFocus
          status={touched && tooShort ? 'error' : undefined}
          aria-invalid={touched && tooShort}
          aria-describedby={touched && tooShort ? `reveal-${path}-error` : undefined}
          onChange={(e) => setReason(e.target.value)}
          onPressEnter={submit}
        />
        <div aria-live="polite">
          {touched && tooShort && (
            <div id={`reveal-${path}-error`} className="sr-error" role="alert">
              {t(sr.revealReasonRequired)}
            </div>
          )}
          {failure && <Alert type="error" role="alert" showIcon title={t(failure.message, failure.params)} />}
        </div>
      </Modal>
    </span>
  );
}
