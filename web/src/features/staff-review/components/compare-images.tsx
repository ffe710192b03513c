import { Button, Modal, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n.tsx';
import { fieldLabel } from '../../order-progress/messages.ts';
import { type OrderView, staffMaterialUrl } from '../api/get-staff-order.ts';
import { sr } from '../messages.ts';
import { groupMaterials } from '../review-model.ts';
import { ImageViewer } from './image-viewer.tsx';

/**
 * Any two images of the order side by side (the ID photo beside the subject certificate, the front beside the
 * back, last submission's scan beside this one), each with its own zoom and rotation.
 */
export function CompareImages({ order }: { order: OrderView }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const images = groupMaterials(order.materials).flatMap((g) =>
    g.items
      .filter((m) => m.contentType.startsWith('image/'))
      .map((m, n) => ({
        id: m.id,
        contentType: m.contentType,
        label: `${fieldLabel(g.path, locale)}${g.items.length > 1 ? ` ${n + 1}` : ''}`,
      })),
  );
  const [left, setLeft] = useState<string | undefined>();
  const [right, setRight] = useState<string | undefined>();
  if (images.length < 2) return null;
  const a = images.find((i) => i.id === left) ?? images[0]!;
  const b = images.find((i) => i.id === right) ?? images[1]!;
  const options = images.map((i) => ({ value: i.id, label: i.label }));
  const side = (img: typeof a, which: string, onChange: (id: string) => void) => (
    <div>
      <Select
        aria-label={which}
        value={img.id}
        onChange={onChange}
        options={options}
        style={{ width: '100%', marginBottom: 8 }}
      />
      <ImageViewer
        key={img.id}
        src={staffMaterialUrl(img.id)}
        contentType={img.contentType}
        alt={t(sr.imageAlt, { kind: img.label })}
      />
    </div>
  );
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t(sr.compare)}
      </Button>
      <Modal
        open={open}
        title={t(sr.compareTitle)}
        width="min(1200px, 96vw)"
        onCancel={() => setOpen(false)}
        footer={<Button onClick={() => setOpen(false)}>{t(sr.close)}</Button>}
        destroyOnHidden
      >
        <div className="sr-compare">
          {side(a, t(sr.compareLeft), setLeft)}
          {side(b, t(sr.compareRight), setRight)}
        </div>
      </Modal>
    </>
  );
}
