import { DeleteOutlined } from '@ant-design/icons';
import { Alert, Button, Popconfirm } from 'antd';
import { createContext, type ReactNode, useContext, useState } from 'react';
import { errorMessage } from '../../../../api/errors.ts';
import { useI18n } from '../../../../i18n/i18n.tsx';
import { useRemoveMaterial } from '../../api/remove-material.ts';
import { mt } from './messages.ts';

type Notice = { ok: true; label: string } | { ok: false; reason: string };

/**
 * Where a removal is reported. The button goes away with what it removed (the card turns back into an upload
 * slot, or leaves the list), so the outcome is shown by the step around it, in a live region.
 */
const NoticeContext = createContext<(notice: Notice) => void>(() => {});

export function RemovalNoticeArea({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [notice, setNotice] = useState<Notice | null>(null);
  return (
    <NoticeContext.Provider value={setNotice}>
      <div aria-live="polite">
        {notice && (
          <Alert
            type={notice.ok ? 'success' : 'error'}
            showIcon
            closable={{ onClose: () => setNotice(null) }}
            title={notice.ok ? t(mt.removed, { label: notice.label }) : t(mt.removeFailed, { reason: notice.reason })}
          />
        )}
      </div>
      {children}
    </NoticeContext.Provider>
  );
}

/** 删除 for one uploaded material, behind a confirmation; the order and its pre-check are fetched again after. */
export function RemoveMaterialButton({
  orderId,
  materialId,
  label,
}: {
  orderId: string;
  materialId: string;
  label: string;
}) {
  const { t } = useI18n();
  const report = useContext(NoticeContext);
  const remove = useRemoveMaterial(orderId);
  return (
    <Popconfirm
      title={t(mt.removeConfirm)}
      okText={t(mt.removeConfirmOk)}
      okButtonProps={{ danger: true }}
      onConfirm={() =>
        remove.mutateAsync(materialId).then(
          () => report({ ok: true, label }),
          (e: unknown) => {
            const { message, params } = errorMessage(e);
            report({ ok: false, reason: t(message, params) });
          },
        )
      }
    >
      <Button icon={<DeleteOutlined />} danger loading={remove.isPending} aria-label={`${t(mt.remove)}: ${label}`}>
        {t(mt.remove)}
      </Button>
    </Popconfirm>
  );
}
