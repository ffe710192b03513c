import { Alert, App, Button, Card, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef } from 'react';
import { ApiError } from '../../../api/client.ts';
import { ErrorAlert } from '../../../components/query-state.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { useOrderClaim } from '../api/claim.ts';
import { useDecide } from '../api/decide.ts';
import { useReasonTemplates } from '../api/get-reason-templates.ts';
import type { OrderView } from '../api/get-staff-order.ts';
import { draftToReasons } from '../draft.ts';
import { sr } from '../messages.ts';
import type { Draft } from '../use-review-draft.ts';

type OrderClaim = ReturnType<typeof useOrderClaim>;
export type CheckItem = { id: string; label: string; tag?: { color: string; text: string } };

const isTyping = (el: EventTarget | null) => {
  if (!(el instanceof HTMLElement)) return false;
  return (
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) ||
    el.isContentEditable ||
    el.getAttribute('role') === 'combobox' ||
    !!el.closest('.ant-modal, .ant-select-dropdown')
  );
};

/** Approve or return the order with all its reasons; A and R as shortcuts; blocked actions say why. */
export function DecisionBar({
  order,
  stage,
  draft,
  checklist,
  claim,
}: {
  order: OrderView;
  stage: 'provider' | 'authenticity';
  draft: Draft;
  checklist: CheckItem[];
  claim: OrderClaim;
}) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const decide = useDecide(order.id, stage);
  const templates = useReasonTemplates();
  const reasons = draftToReasons(draft.draft, templates.data ?? []);
  const unchecked = checklist.filter((c) => !draft.draft.checked.includes(c.id)).length;
  // A colleague's claim is told by the claim banner; a stale version asks for a reload.
  const conflict =
    decide.error instanceof ApiError && decide.error.status === 409 && decide.error.code === 'ORDER_VERSION_CONFLICT';
  const dialogOpen = useRef(false);
  const held = claim.view?.mine === true;
  const claimReason = !claim.view
    ? t(sr.claimBlocked)
    : !claim.view.can.decide.can && claim.view.can.decide.reason === 'REVIEWER_CONFLICT_OF_INTEREST'
      ? t(sr.claimConflict)
      : claim.view.holder && !held
        ? t(sr.claimOther, {
            name: claim.view.holder.displayName,
            until: claim.view.expiresAt ? dayjs(claim.view.expiresAt).format('HH:mm:ss') : '',
          })
        : t(sr.claimBlocked);

  // refine's can → {can, reason}: a disabled action says why.
  const approve = !held
    ? { can: false, reason: claimReason }
    : reasons.length > 0
      ? { can: false, reason: t(sr.approveBlockedRejects) }
      : unchecked > 0
        ? { can: false, reason: t(sr.approveBlockedChecklist) }
        : { can: true, reason: '' };
  const ret = !held
    ? { can: false, reason: claimReason }
    : reasons.length === 0
      ? { can: false, reason: t(sr.returnBlocked) }
      : { can: true, reason: '' };

  const run = (body: Parameters<typeof decide.mutate>[0]) =>
    decide.mutate(body, {
      onError: (e) => {
        if (e instanceof ApiError && e.code === 'ORDER_CLAIMED_BY_OTHER') claim.claim.reset();
      },
      onSuccess: () => {
        draft.clear();
        void message.success(t(sr.decided));
      },
    });

  const onApprove = () => {
    if (!approve.can) {
      void message.warning(approve.reason);
      return;
    }
    if (dialogOpen.current) return;
    dialogOpen.current = true;
    modal.confirm({
      title: t(sr.confirmApprove),
      okText: t(sr.approve),
      onOk: () => run({ decision: 'approve', version: order.version }),
      afterClose: () => {
        dialogOpen.current = false;
      },
    });
  };
  const onReturn = () => {
    if (!ret.can) {
      void message.warning(ret.reason);
      return;
    }
    if (dialogOpen.current) return;
    dialogOpen.current = true;
    modal.confirm({
      title: t(sr.confirmReturn, { count: reasons.length }),
      okText: t(sr.returnOrder),
      okButtonProps: { danger: true },
      width: 560,
      content: (
        <ul>
          {reasons.map((r) => (
            <li key={r.field}>{r.message}</li>
          ))}
        </ul>
      ),
      onOk: () => run({ decision: 'reject', version: order.version, reasons }),
      afterClose: () => {
        dialogOpen.current = false;
      },
    });
  };

  const handlers = useRef({ onApprove, onReturn });
  handlers.current = { onApprove, onReturn };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.repeat || isTyping(e.target)) return;
      if (document.querySelector('.ant-modal-wrap:not([style*="display: none"])')) return;
      const k = e.key.toLowerCase();
      if (k === 'a') {
        e.preventDefault();
        handlers.current.onApprove();
      } else if (k === 'r') {
        e.preventDefault();
        handlers.current.onReturn();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <Card size="small" className="sr-decision" title={<h2 className="sr-h2">{t(sr.decisionTitle)}</h2>}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <div aria-live="polite">
          {conflict ? (
            <Alert
              type="warning"
              role="alert"
              showIcon
              title={t(sr.conflictTitle)}
              description={t(sr.conflictText)}
              action={
                <Button
                  onClick={() => {
                    decide.reset();
                    window.location.reload();
                  }}
                >
                  {t(sr.reload)}
                </Button>
              }
            />
          ) : (
            decide.error && <ErrorAlert error={decide.error} />
          )}
        </div>
        <Typography.Text>
          {reasons.length > 0 ? t(sr.draftCount, { count: reasons.length }) : t(sr.noRejects)}
        </Typography.Text>
        <Space wrap>
          <Button
            type="primary"
            onClick={onApprove}
            loading={decide.isPending}
            aria-keyshortcuts="A"
            aria-describedby={approve.can ? undefined : 'sr-approve-why'}
            aria-disabled={!approve.can}
            className={approve.can ? undefined : 'sr-soft-disabled'}
          >
            {t(sr.approve)}
            <kbd className="sr-kbd">A</kbd>
          </Button>
          <Button
            danger
            onClick={onReturn}
            loading={decide.isPending}
            aria-keyshortcuts="R"
            aria-describedby={ret.can ? undefined : 'sr-return-why'}
            aria-disabled={!ret.can}
          >
            {t(sr.returnOrder)}
            <kbd className="sr-kbd">R</kbd>
          </Button>
        </Space>
        {!approve.can && (
          <Typography.Text type="secondary" id="sr-approve-why">
            {t(sr.approve)}: {approve.reason}
          </Typography.Text>
        )}
        {!ret.can && (
          <Typography.Text type="secondary" id="sr-return-why">
            {t(sr.returnOrder)}: {ret.reason}
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
}
