import { Alert, Button, Form, Input, Modal, Radio, Space, Tooltip, Typography } from 'antd';
import { useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { StartOrderRequestBody } from '../../../src/contracts/order-api.ts';
import type { RecordAction, RecordActionView } from '../../../src/contracts/records-api.ts';
import { actionLabels, homeText } from '../features/home/messages.ts';
import { useStartOrder } from '../features/orders/api/start-order.ts';
import { requiredRule } from '../forms/rules.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { Message } from '../i18n/message.ts';
import { common } from './messages.ts';
import { ErrorAlert } from './query-state.tsx';
import './record-actions.css';

type Target = { kind: 'subject'; name: string } | { kind: 'website'; id: string; domain: string };

const CANCEL_WARNING: Partial<Record<RecordAction, Message>> = {
  cancel_subject: homeText.cancelSubjectWarn,
  cancel_website: homeText.cancelWebsiteWarn,
  cancel_access: homeText.cancelAccessWarn,
};

function bodyFor(action: RecordAction, target: Target, extra: { reason?: string; changeWebsites?: boolean }) {
  const ids = target.kind === 'website' ? [target.id] : [];
  switch (action) {
    case 'change_subject':
      return { kind: 'change_subject', changeWebsites: extra.changeWebsites ?? false } satisfies StartOrderRequestBody;
    case 'change_images':
      return { kind: 'change_images' } satisfies StartOrderRequestBody;
    case 'cancel_subject':
      return { kind: 'cancel_subject', ...(extra.reason && { reason: extra.reason }) } satisfies StartOrderRequestBody;
    case 'change_website':
    case 'change_access':
      return { kind: action, websiteIds: ids } satisfies StartOrderRequestBody;
    case 'cancel_website':
    case 'cancel_access':
      return {
        kind: action,
        websiteIds: ids,
        ...(extra.reason && { reason: extra.reason }),
      } satisfies StartOrderRequestBody;
    default:
      throw new Error(`not a record action: ${action}`);
  }
}

/**
 * Shared by the home page (View B) and 备案管理's access warning. A row of record actions (主体变更 …, or a website's 网站变更 …). Each refused action stays visible, disabled,
 * with the server's reason beside it; starting one opens its dialog (the irreversible ones ask for the reason
 * and a typed confirmation), starts the order and opens it.
 */
export function RecordActions({
  actions,
  target,
  label,
}: {
  actions: RecordActionView[];
  target: Target;
  label: string;
}) {
  const { t, ts } = useI18n();
  const reasonsId = useId();
  const [open, setOpen] = useState<RecordAction | null>(null);
  const reasons = [...new Set(actions.flatMap((a) => (a.reason ? [ts(a.reason.message)] : [])))];
  return (
    <fieldset className="record-actions">
      <legend className="visually-hidden">{label}</legend>
      <Space wrap size={[8, 8]}>
        {actions.map((a) => {
          const danger = a.action.startsWith('cancel_');
          const button = (
            <Button
              key={a.action}
              danger={danger}
              disabled={!a.allowed}
              aria-describedby={a.reason ? reasonsId : undefined}
              onClick={() => setOpen(a.action)}
            >
              {t(actionLabels[a.action])}
            </Button>
          );
          return a.reason ? (
            <Tooltip key={a.action} title={ts(a.reason.message)}>
              <span>{button}</span>
            </Tooltip>
          ) : (
            button
          );
        })}
      </Space>
      {reasons.length > 0 && (
        <Typography.Paragraph id={reasonsId} type="secondary" className="action-reasons">
          {reasons.map((r) => t(homeText.unavailable, { reason: r })).join(' ')}
        </Typography.Paragraph>
      )}
      {open && <StartActionDialog action={open} target={target} onClose={() => setOpen(null)} />}
    </fieldset>
  );
}

function StartActionDialog({ action, target, onClose }: { action: RecordAction; target: Target; onClose: () => void }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const start = useStartOrder();
  const key = useRef(crypto.randomUUID());
  const [form] = Form.useForm<{ reason?: string; confirmText?: string; changeWebsites?: boolean }>();
  const cancel = action.startsWith('cancel_');
  const confirmText = target.kind === 'website' ? target.domain : target.name;
  const title = t(actionLabels[action]);

  const submit = async () => {
    let values: { reason?: string; changeWebsites?: boolean };
    try {
      values = await form.validateFields();
    } catch (e) {
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { focus: true });
      return;
    }
    start.mutate(
      { body: bodyFor(action, target, values), idempotencyKey: key.current },
      { onSuccess: (order) => navigate(`/orders/${order.id}/edit`) },
    );
  };

  return (
    <Modal
      open
      title={target.kind === 'website' ? `${title} · ${target.domain}` : title}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={cancel ? t(homeText.confirmStart) : t(homeText.startChange, { action: title })}
      okButtonProps={{ danger: cancel, loading: start.isPending }}
      cancelText={t(common.cancel)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ changeWebsites: false }}>
        {cancel && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t(homeText.irreversible)}
            description={t(CANCEL_WARNING[action] ?? homeText.irreversible)}
          />
        )}
        {action === 'change_subject' && (
          <Form.Item name="changeWebsites" label={t(homeText.changeWebsitesQuestion)}>
            <Radio.Group>
              <Space direction="vertical">
                <Radio value={false}>{t(homeText.changeWebsitesNo)}</Radio>
                <Radio value={true}>{t(homeText.changeWebsitesYes)}</Radio>
              </Space>
            </Radio.Group>
          </Form.Item>
        )}
        {action === 'change_images' && <Typography.Paragraph>{t(homeText.changeImagesBody)}</Typography.Paragraph>}
        {cancel && (
          <>
            <Form.Item
              name="reason"
              label={t(homeText.reasonLabel)}
              rules={[requiredRule(locale, homeText.reasonRequired), { max: 500 }]}
            >
              <Input.TextArea rows={3} maxLength={500} showCount />
            </Form.Item>
            <Form.Item
              name="confirmText"
              label={t(homeText.typeToConfirm, { text: confirmText })}
              rules={[
                {
                  validator: async (_r, v) => {
                    if ((v ?? '').trim() !== confirmText)
                      throw new Error(t(homeText.typeMismatch, { text: confirmText }));
                  },
                },
              ]}
            >
              <Input autoComplete="off" spellCheck={false} />
            </Form.Item>
          </>
        )}
      </Form>
      <div aria-live="assertive">{start.error ? <ErrorAlert error={start.error} /> : null}</div>
    </Modal>
  );
}
