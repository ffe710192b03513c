import { Form, Input } from 'antd';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Message } from '../../../i18n/message.ts';
import { sfText } from '../second-factor-messages.ts';

/** The 6-digit field: digits only, the phone's number pad, and the browser's one-time-code autofill. */
export function CodeInput({ label }: { label: Message }) {
  const { t } = useI18n();
  return (
    <Form.Item
      label={t(label)}
      name="code"
      normalize={(v: string) => v.replace(/\D/g, '').slice(0, 6)}
      rules={[{ required: true, pattern: /^\d{6}$/, message: t(sfText.codeRequired) }]}
    >
      <Input
        autoComplete="one-time-code"
        inputMode="numeric"
        maxLength={6}
        autoFocus
        style={{ fontSize: 22, letterSpacing: '0.4em', fontFamily: 'monospace' }}
      />
    </Form.Item>
  );
}
