import { Checkbox, DatePicker, Space } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../i18n/i18n.tsx';
import { fieldText } from '../messages.ts';

/**
 * A certificate's expiry: a date (YYYY-MM-DD) or 长期 ('long_term'), the contract's own values, so the form
 * holds exactly what is saved.
 */
export function ValidUntilInput({
  id,
  value,
  onChange,
  disabled,
  'aria-invalid': ariaInvalid,
}: {
  id?: string;
  value?: string;
  onChange?: (v: string | undefined) => void;
  disabled?: boolean;
  'aria-invalid'?: boolean | 'true' | 'false';
}) {
  const { t } = useI18n();
  const longTerm = value === 'long_term';
  const date = value && !longTerm && /^\d{4}-\d{2}-\d{2}$/.test(value) ? dayjs(value) : null;
  return (
    <Space wrap size={12}>
      <DatePicker
        id={id}
        value={date}
        disabled={disabled || longTerm}
        placeholder={t(fieldText.validUntilDate)}
        aria-invalid={ariaInvalid}
        disabledDate={(d) => d.isBefore(dayjs(), 'day')}
        onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : undefined)}
        style={{ minWidth: 160 }}
      />
      <Checkbox
        checked={longTerm}
        disabled={disabled}
        onChange={(e) => onChange?.(e.target.checked ? 'long_term' : undefined)}
      >
        {t(fieldText.longTerm)}
      </Checkbox>
    </Space>
  );
}
