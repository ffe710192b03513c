import { Alert, App, Button, Form, Input, Modal, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useMe } from '../../auth/api/get-me.ts';
import type { ClaimView, useOrderClaim } from '../api/claim.ts';
import { useReassign } from '../api/claim.ts';
import { useStaffList } from '../api/get-staff.ts';
import { sr } from '../messages.ts';

type OrderClaim = ReturnType<typeof useOrderClaim>;

function ReassignButton({ orderId, view }: { orderId: string; view: ClaimView }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const me = useMe();
  const staff = useStaffList(open);
  const reassign = useReassign(orderId);
  const [form] = Form.useForm<{ toUserId: string; reason: string }>();
  if (!view.can.reassign.can) return null;
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t(sr.reassign)}
      </Button>
      <Modal
        open={open}
        title={t(sr.reassignTitle)}
        okText={t(sr.reassign)}
        confirmLoading={reassign.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) =>
            reassign.mutate(values, {
              onSuccess: (v) => {
                setOpen(false);
                void message.success(t(sr.reassignDone, { name: v.holder?.displayName ?? '' }));
              },
            })
          }
        >
          <Form.Item name="toUserId" label={t(sr.reassignTo)} rules={[{ required: true }]}>
            <Select
              loading={staff.isLoading}
              options={(staff.data?.items ?? []).map((s) => ({
                value: s.id,
                label: `${s.displayName}${s.id === me.data?.id ? t(sr.me) : ''}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="reason" label={t(sr.reassignReason)} rules={[{ required: true, min: 2, max: 500 }]}>
            <Input.TextArea rows={2} placeholder={t(sr.reassignReasonHint)} />
          </Form.Item>
          {reassign.error && <Alert type="error" showIcon title={reassign.error.message} />}
        </Form>
      </Modal>
    </>
  );
}

/** Who works this order now: the reviewer's own claim, a colleague's, or none; with release and reassign. */
export function ClaimBanner({ orderId, claim }: { orderId: string; claim: OrderClaim }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const view = claim.view;
  if (!view) return null;
  const until = view.expiresAt ? dayjs(view.expiresAt).format('HH:mm:ss') : '';
  if (!view.can.claim.can && view.can.claim.reason === 'REVIEWER_CONFLICT_OF_INTEREST')
    return <Alert className="sr-claim" type="error" showIcon role="alert" title={t(sr.claimConflict)} />;
  if (view.mine)
    return (
      <Alert
        className="sr-claim"
        type="success"
        showIcon
        title={t(sr.claimMine, { until })}
        action={
          <Space>
            <ReassignButton orderId={orderId} view={view} />
            <Button
              size="small"
              loading={claim.release.isPending}
              onClick={() => claim.release.mutate(undefined, { onSuccess: () => navigate('/staff') })}
            >
              {t(sr.claimRelease)}
            </Button>
          </Space>
        }
      />
    );
  if (view.holder)
    return (
      <Alert
        className="sr-claim"
        type="warning"
        showIcon
        role="alert"
        title={t(claim.lostTo ? sr.claimLost : sr.claimOther, { name: view.holder.displayName, until })}
        action={<ReassignButton orderId={orderId} view={view} />}
      />
    );
  return (
    <Alert
      className="sr-claim"
      type="info"
      showIcon
      title={t(sr.claimFree)}
      action={
        <Space>
          <ReassignButton orderId={orderId} view={view} />
          {view.can.claim.can && (
            <Button size="small" type="primary" loading={claim.claim.isPending} onClick={() => claim.claim.mutate()}>
              {t(sr.claimTake)}
            </Button>
          )}
        </Space>
      }
    />
  );
}
