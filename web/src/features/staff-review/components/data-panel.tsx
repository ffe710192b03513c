import { Card, Space, Typography } from 'antd';
import { PROVINCES } from '../../../../../src/contracts/reference-data.ts';
import {
  accessMethodLabels,
  certificateTypeLabels,
  personIdTypeLabels,
  preApprovalLabels,
  serviceContentLabels,
  subjectTypeLabels,
  websiteLanguageLabels,
} from '../../../components/vocabulary.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Message } from '../../../i18n/message.ts';
import { fieldLabel } from '../../order-progress/messages.ts';
import type { OrderView } from '../api/get-staff-order.ts';
import { sr } from '../messages.ts';
import { isPersonalDataPath } from '../review-model.ts';
import type { Draft } from '../use-review-draft.ts';
import { MaskedValue } from './masked-value.tsx';
import { RejectToggle } from './reject-toggle.tsx';

const VOCAB: Record<string, Record<string, Message>> = {
  subjectType: subjectTypeLabels,
  certificateType: certificateTypeLabels,
  idType: personIdTypeLabels,
  serviceContent: serviceContentLabels,
  accessMethod: accessMethodLabels,
};

function useFormatValue() {
  const { t, locale } = useI18n();
  return (key: string, value: unknown): string => {
    if (value === undefined || value === null || value === '') return t(sr.empty);
    if (typeof value === 'boolean') return t(value ? sr.yes : sr.no);
    if (key === 'province') {
      const p = PROVINCES.find((x) => x.code === value);
      return p ? (locale === 'zh-CN' ? p.nameZh : p.nameEn) : String(value);
    }
    if (key === 'languages' && Array.isArray(value))
      return value
        .map((v) => t(websiteLanguageLabels[v as keyof typeof websiteLanguageLabels] ?? { zh: v, en: v }))
        .join(t(sr.listSeparator));
    if (key === 'preApprovals' && Array.isArray(value))
      return value.length === 0
        ? t(sr.empty)
        : value
            .map(
              (p: { type: string; permitNumber: string }) =>
                `${t(preApprovalLabels[p.type as keyof typeof preApprovalLabels] ?? { zh: p.type, en: p.type })} ${p.permitNumber}`,
            )
            .join('; ');
    if (Array.isArray(value)) return value.join(', ') || t(sr.empty);
    const vocab = VOCAB[key]?.[String(value)];
    return vocab ? t(vocab) : String(value);
  };
}

/** One field: label, (masked) value, reveal and the reject toggle. */
function FieldRow({
  order,
  path,
  value,
  draft,
  editable,
}: {
  order: OrderView;
  path: string;
  value: unknown;
  draft: Draft;
  editable: boolean;
}) {
  const { locale } = useI18n();
  const format = useFormatValue();
  const label = fieldLabel(path, locale);
  // Inside its card the section prefix (主体信息 · …) is implied; controls keep the full label.
  const shortLabel = label.split(' · ').slice(1).join(' · ') || label;
  const key = path.split('.').at(-1)!;
  const rejected = draft.draft.rejects[path];
  const pi = isPersonalDataPath(path) && typeof value === 'string' && value !== '';
  return (
    <div className={`sr-field${rejected ? ' is-rejected' : ''}`}>
      <dt>{shortLabel}</dt>
      {/* Actions sit in the dd: a dl's groups may hold only dt and dd (axe definition-list). */}
      <dd>
        <span className="sr-field-value">
          {pi ? (
            <MaskedValue orderId={order.id} path={path} label={label} masked={value as string} />
          ) : (
            format(key, value)
          )}
        </span>
        {editable && (
          <span className="sr-field-actions">
            <RejectToggle label={label} kind="field" value={rejected} onChange={(r) => draft.setReject(path, r)} />
          </span>
        )}
      </dd>
    </div>
  );
}

const SKIP = new Set(['responsiblePerson', 'websiteId']);

export function DataPanel({ order, draft, editable }: { order: OrderView; draft: Draft; editable: boolean }) {
  const { t } = useI18n();
  const rows = (prefix: string, obj: Record<string, unknown> | undefined) =>
    Object.entries(obj ?? {})
      .filter(([k]) => !SKIP.has(k))
      .map(([k, v]) => (
        <FieldRow
          key={`${prefix}.${k}`}
          order={order}
          path={`${prefix}.${k}`}
          value={v}
          draft={draft}
          editable={editable}
        />
      ));
  const subject = order.data.subject as Record<string, unknown> | undefined;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={<h2 className="sr-h2">{t(sr.subject)}</h2>}>
        <dl className="sr-fields">{rows('subject', subject)}</dl>
        <Typography.Title level={3} className="sr-h3">
          {t(sr.subjectPerson)}
        </Typography.Title>
        <dl className="sr-fields">
          {rows('subject.responsiblePerson', order.data.subject?.responsiblePerson as Record<string, unknown>)}
        </dl>
      </Card>
      {order.data.websites.map((w, i) => (
        <Card
          key={w.domain ?? i}
          size="small"
          title={<h2 className="sr-h2">{t(sr.website, { n: i + 1, domain: w.domain ?? '' })}</h2>}
        >
          <dl className="sr-fields">{rows(`websites.${i}`, w as Record<string, unknown>)}</dl>
          <Typography.Title level={3} className="sr-h3">
            {t(sr.websitePerson)}
          </Typography.Title>
          <dl className="sr-fields">
            {rows(`websites.${i}.responsiblePerson`, w.responsiblePerson as Record<string, unknown>)}
          </dl>
        </Card>
      ))}
    </Space>
  );
}
