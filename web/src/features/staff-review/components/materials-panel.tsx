import { Card, Space, Typography } from 'antd';
import { useI18n } from '../../../i18n/i18n.tsx';
import { fieldLabel } from '../../order-progress/messages.ts';
import { type OrderView, staffMaterialUrl } from '../api/get-staff-order.ts';
import { sr } from '../messages.ts';
import { AUTHENTICITY_KINDS, groupMaterials, type MaterialGroup } from '../review-model.ts';
import type { Draft } from '../use-review-draft.ts';
import { CompareImages } from './compare-images.tsx';
import { ImageViewer } from './image-viewer.tsx';
import { RejectToggle } from './reject-toggle.tsx';

export function MaterialCard({
  group,
  draft,
  kind,
  editable,
}: {
  group: MaterialGroup;
  draft: Draft;
  kind: 'material' | 'authenticity';
  editable: boolean;
}) {
  const { t, locale } = useI18n();
  const label = fieldLabel(group.path, locale);
  const rejected = draft.draft.rejects[group.path];
  return (
    <Card
      size="small"
      title={<h3 className="sr-h3">{label}</h3>}
      style={rejected ? { borderColor: '#cf1322' } : undefined}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {editable && (
          <RejectToggle label={label} kind={kind} value={rejected} onChange={(r) => draft.setReject(group.path, r)} />
        )}
        {group.items.map((m, n) => (
          <div key={m.id}>
            {m.validUntil && (
              <Typography.Text type="secondary">{t(sr.validUntil, { date: m.validUntil })}</Typography.Text>
            )}
            <ImageViewer
              src={staffMaterialUrl(m.id)}
              contentType={m.contentType}
              alt={`${t(sr.imageAlt, { kind: label })}${group.items.length > 1 ? ` ${n + 1}` : ''}`}
            />
          </div>
        ))}
      </Space>
    </Card>
  );
}

export function MaterialsPanel({ order, draft, editable }: { order: OrderView; draft: Draft; editable: boolean }) {
  const { t } = useI18n();
  const groups = groupMaterials(order.materials).filter((g) => !AUTHENTICITY_KINDS.includes(g.kind));
  return (
    <section aria-labelledby="sr-materials">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <h2 id="sr-materials" className="sr-h2">
          {t(sr.materialsTitle)}
        </h2>
        <CompareImages order={order} />
      </Space>
      {groups.length === 0 ? (
        <Typography.Text type="secondary">{t(sr.noMaterials)}</Typography.Text>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {groups.map((g) => (
            <MaterialCard key={g.path} group={g} draft={draft} kind="material" editable={editable} />
          ))}
        </Space>
      )}
    </section>
  );
}
