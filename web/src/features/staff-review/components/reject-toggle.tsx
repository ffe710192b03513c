import { CloseCircleOutlined } from '@ant-design/icons';
import { Button, Input, Select } from 'antd';
import { templatesFor } from '../../../../../src/contracts/operations-api.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useReasonTemplates } from '../api/get-reason-templates.ts';
import type { DraftReject } from '../draft.ts';
import { sr } from '../messages.ts';

/** The per-field (or per-material) reject switch and, when on, its templated reason, note and suggestion. */
export function RejectToggle({
  label,
  kind,
  value,
  onChange,
  disabled,
}: {
  label: string;
  kind: 'field' | 'material' | 'authenticity';
  value: DraftReject | undefined;
  onChange: (v: DraftReject | undefined) => void;
  disabled?: boolean;
}) {
  const { t, locale } = useI18n();
  const all = useReasonTemplates();
  const templates = templatesFor(all.data ?? [], kind);
  return (
    <div className="sr-reject">
      <Button
        size="small"
        danger={!value}
        type={value ? 'default' : 'text'}
        icon={value ? undefined : <CloseCircleOutlined />}
        aria-pressed={!!value}
        aria-label={value ? t(sr.undoRejectLabel, { field: label }) : t(sr.rejectLabel, { field: label })}
        disabled={disabled || templates.length === 0}
        onClick={() => onChange(value ? undefined : { code: templates[0]!.code })}
      >
        {value ? t(sr.undoReject) : t(sr.reject)}
      </Button>
      {value && (
        <div className="sr-reject-editor">
          <Select
            size="small"
            aria-label={`${t(sr.reasonTemplate)} · ${label}`}
            value={value.code}
            onChange={(code) => onChange({ ...value, code })}
            options={templates.map((r) => ({ value: r.code, label: locale === 'zh-CN' ? r.zh : r.en }))}
            style={{ width: '100%' }}
          />
          <Input
            size="small"
            aria-label={`${t(sr.reasonNote)} · ${label}`}
            placeholder={t(sr.reasonNote)}
            maxLength={200}
            value={value.note ?? ''}
            onChange={(e) => onChange({ ...value, note: e.target.value })}
          />
          <Input
            size="small"
            aria-label={`${t(sr.reasonSuggestion)} · ${label}`}
            placeholder={t(sr.reasonSuggestion)}
            maxLength={300}
            value={value.suggestion ?? ''}
            onChange={(e) => onChange({ ...value, suggestion: e.target.value })}
          />
        </div>
      )}
    </div>
  );
}
