import { Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import { common } from '../../../components/messages.ts';
import { ErrorAlert } from '../../../components/query-state.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { OrderView } from '../../orders/api/get-order.ts';
import { useAbandonOrder } from '../../orders/api/order-actions.ts';
import { m } from '../messages.ts';

/** 放弃备案 behind a confirmation; offered only when the lifecycle allows it (allowedActions). */
export function AbandonButton({ order }: { order: OrderView }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const abandon = useAbandonOrder(order.id);
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {t(m.abandon)}
      </Button>
      <Modal
        open={open}
        title={t(m.abandonTitle)}
        okText={t(m.abandonConfirm)}
        cancelText={t(common.cancel)}
        okButtonProps={{ danger: true, loading: abandon.isPending }}
        onCancel={() => {
          setOpen(false);
          abandon.reset();
        }}
        onOk={() =>
          abandon.mutate(
            { version: order.version },
            {
              // The page then shows the abandoned state in place of the stage.
              onSuccess: () => setOpen(false),
            },
          )
        }
      >
        <Typography.Paragraph>{t(m.abandonText)}</Typography.Paragraph>
        {abandon.error && <ErrorAlert error={abandon.error} />}
      </Modal>
    </>
  );
}
