import { Alert, Card, Empty, Flex, Progress, Typography } from 'antd';
import {
  AUTHENTICITY_MATERIAL_KINDS,
  MATERIAL_KIND_LABELS,
  type MaterialKind,
} from '../../../../../src/contracts/material-api.ts';
import { QueryState } from '../../../components/query-state.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { OrderView } from '../../orders/api/get-order.ts';
import { usePrecheck } from '../../orders/api/get-precheck.ts';
import { MaterialCard, type MaterialView, type Requirement, StoredMaterial } from './materials/material-card.tsx';
import { mt } from './materials/messages.ts';
import { RemovalNoticeArea, RemoveMaterialButton } from './materials/remove-material-button.tsx';
import './materials/materials.css';

const sameSlot = (m: MaterialView, r: Pick<Requirement, 'kind' | 'websiteIndex'>) =>
  m.kind === r.kind && (m.websiteIndex ?? undefined) === (r.websiteIndex ?? undefined);

/** The expiry the order data already names for a certificate (the wizard's earlier steps). */
function knownValidUntil(order: OrderView, r: Requirement): string | undefined {
  const subject = order.data.subject;
  switch (r.kind) {
    case 'subject_cert':
      return subject?.certificateValidUntil;
    case 'subject_rp_id':
    case 'personal_id':
      return subject?.responsiblePerson?.idValidUntil;
    case 'website_rp_id': {
      const w = r.websiteIndex !== undefined ? order.data.websites[r.websiteIndex] : undefined;
      // 同主体负责人 copies the person into the website; 新增网站 carries no subject to fall back on.
      return (
        (w?.sameAsSubjectResponsible ? subject?.responsiblePerson?.idValidUntil : undefined) ??
        w?.responsiblePerson?.idValidUntil
      );
    }
    default:
      return undefined;
  }
}

const isFilingMaterial = (kind: string) => !AUTHENTICITY_MATERIAL_KINDS.includes(kind as MaterialKind);

/** What was uploaded, read-only (after submission, or for sub-accounts). */
function UploadedList({ order }: { order: OrderView }) {
  const { t, ts } = useI18n();
  const items = order.materials.filter((m) => isFilingMaterial(m.kind));
  if (items.length === 0) return <Empty description={t(mt.nothingUploaded)} />;
  return (
    <Flex vertical gap={12}>
      {items.map((m) => {
        const label = MATERIAL_KIND_LABELS[m.kind as MaterialKind];
        const name = label ? ts(label) : m.kind;
        return (
          <Card
            key={m.id}
            size="small"
            title={
              <span>
                {name}
                {m.websiteIndex !== null && ` · ${t(mt.websiteN, { n: m.websiteIndex + 1 })}`}
              </span>
            }
          >
            <StoredMaterial material={m} label={name} />
          </Card>
        );
      })}
    </Flex>
  );
}

/** Uploaded materials no requirement asks for any more (the subject type or the websites changed), to remove. */
function NotNeeded({ order, materials }: { order: OrderView; materials: MaterialView[] }) {
  const { t, ts } = useI18n();
  if (materials.length === 0) return null;
  return (
    <section aria-labelledby="materials-not-needed" className="materials-not-needed">
      <Typography.Title level={3} id="materials-not-needed" style={{ fontSize: 16, margin: '8px 0 4px' }}>
        {t(mt.notNeededTitle, { n: materials.length })}
      </Typography.Title>
      <Alert type="warning" showIcon title={t(mt.notNeededHint)} style={{ marginBottom: 12 }} />
      <Flex vertical gap={12}>
        {materials.map((m) => {
          const kind = MATERIAL_KIND_LABELS[m.kind as MaterialKind];
          const name = kind ? ts(kind) : m.kind;
          const label = m.websiteIndex !== null ? `${name} · ${t(mt.websiteN, { n: m.websiteIndex + 1 })}` : name;
          return (
            <Card key={m.id} size="small" title={label}>
              <StoredMaterial material={m} label={label} />
              <div style={{ marginTop: 12 }}>
                <RemoveMaterialButton orderId={order.id} materialId={m.id} label={label} />
              </div>
            </Card>
          );
        })}
      </Flex>
    </section>
  );
}

/** The 上传资料 step of the wizard: exactly the materials the pre-check requires for this order. */
export function MaterialsStep({ order, readOnly = false }: { order: OrderView; readOnly?: boolean }) {
  const { t } = useI18n();
  const precheck = usePrecheck(order.id);
  if (readOnly) {
    return (
      <section className="materials-step" aria-label={t(mt.uploadedList)}>
        <UploadedList order={order} />
      </section>
    );
  }
  return (
    <section className="materials-step" aria-labelledby="materials-step-title">
      <Typography.Title level={2} id="materials-step-title" style={{ fontSize: 20, margin: 0 }}>
        {t(mt.title)}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t(mt.intro)}
      </Typography.Paragraph>
      <QueryState query={precheck}>
        {(pc) => {
          const required = pc.requiredMaterials.filter((r) => isFilingMaterial(r.kind));
          const notNeeded = order.materials.filter(
            (m) => isFilingMaterial(m.kind) && !required.some((r) => sameSlot(m, r)),
          );
          if (required.length === 0) {
            return (
              <>
                <Empty description={t(mt.noneRequired)} />
                <RemovalNoticeArea>
                  <NotNeeded order={order} materials={notNeeded} />
                </RemovalNoticeArea>
              </>
            );
          }
          const uploadedFor = (r: Requirement) => order.materials.find((m) => sameSlot(m, r));
          const done = required.filter((r) => uploadedFor(r)).length;
          return (
            <>
              <div aria-live="polite">
                <Flex gap={12} align="center" wrap>
                  <Progress
                    percent={Math.round((done / required.length) * 100)}
                    steps={Math.min(required.length, 12)}
                    showInfo={false}
                    aria-hidden
                  />
                  <Typography.Text strong>{t(mt.progress, { done, total: required.length })}</Typography.Text>
                </Flex>
                {done === required.length && (
                  <Alert type="success" showIcon title={t(mt.allDone)} style={{ marginTop: 8 }} />
                )}
              </div>
              <Typography.Text type="secondary">{t(mt.removeNote)}</Typography.Text>
              <RemovalNoticeArea>
                {required.map((r) => (
                  <MaterialCard
                    key={`${r.kind}-${r.websiteIndex ?? 's'}`}
                    orderId={order.id}
                    requirement={r}
                    uploaded={uploadedFor(r)}
                    knownValidUntil={knownValidUntil(order, r)}
                  />
                ))}
                <NotNeeded order={order} materials={notNeeded} />
              </RemovalNoticeArea>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
