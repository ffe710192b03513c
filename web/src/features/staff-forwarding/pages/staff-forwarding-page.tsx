import { Alert, App, Button, Radio, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ForwardingList, ForwardingStatus } from '../../../../../src/contracts/forwarding-api.ts';
import { QueryState } from '../../../components/query-state.tsx';
import '../../../components/tags.css';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Message } from '../../../i18n/message.ts';
import { useMe } from '../../auth/api/get-me.ts';
import { useForwardOrders } from '../api/forward-orders.ts';
import { useForwarding } from '../api/get-forwarding.ts';
import { useSetForwardingMode } from '../api/set-forwarding-mode.ts';
import { fw } from '../messages.ts';

type Item = ForwardingList['items'][number];

export const FORWARDING_STATUS: Record<ForwardingStatus, { color: string; label: Message }> = {
  held: { color: 'warning', label: fw.statusHeld },
  queued: { color: 'processing', label: fw.statusQueued },
  retrying: { color: 'error', label: fw.statusRetrying },
  sent: { color: 'success', label: fw.statusSent },
};

function ModeSwitch({ list }: { list: ForwardingList }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const me = useMe();
  const setMode = useSetForwardingMode();
  const mayChange = me.data?.role === 'senior_reviewer' || me.data?.role === 'admin';
  const held = list.items.filter((i) => i.outbox.status === 'held').length;
  const change = (mode: 'auto' | 'manual') => {
    const run = () => setMode.mutate(mode, { onSuccess: () => void message.success(t(fw.modeChanged)) });
    if (mode === 'auto' && held > 0)
      modal.confirm({ title: t(fw.modeAutoConfirm, { count: held }), onOk: run, okText: t(fw.modeAuto) });
    else run();
  };
  return (
    <Space wrap>
      <span id="fw-mode-label">{t(fw.modeLabel)}</span>
      <Radio.Group
        aria-labelledby="fw-mode-label"
        optionType="button"
        buttonStyle="solid"
        value={list.mode}
        disabled={!mayChange || setMode.isPending}
        onChange={(e) => change(e.target.value)}
        options={[
          { value: 'auto', label: t(fw.modeAuto) },
          { value: 'manual', label: t(fw.modeManual) },
        ]}
      />
      {!mayChange && <Typography.Text type="secondary">{t(fw.modeReadOnly)}</Typography.Text>}
    </Space>
  );
}

function ForwardingTable({ list }: { list: ForwardingList }) {
  const { t, ts } = useI18n();
  const { message } = App.useApp();
  const forward = useForwardOrders();
  const [selected, setSelected] = useState<string[]>([]);
  const send = (ids: string[]) =>
    forward.mutate(ids, {
      onSuccess: (r) => {
        setSelected([]);
        void message.success(
          t(fw.forwardedResult, {
            forwarded: r.forwarded.length,
            already: r.alreadyForwarded.length,
            notReady: r.notReady.length,
          }),
        );
      },
    });
  const columns: ColumnsType<Item> = [
    {
      title: t(fw.colOrder),
      key: 'order',
      render: (_, i) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/staff/orders/${i.order.id}`}>
            <code>{i.order.id.slice(0, 8)}</code>
          </Link>
          <Typography.Text type="secondary">{ts(i.order.typeName)}</Typography.Text>
        </Space>
      ),
    },
    { title: t(fw.colDomains), key: 'domains', render: (_, i) => i.order.domains.join(', ') },
    { title: t(fw.colSponsor), key: 'sponsor', responsive: ['md'], render: (_, i) => i.order.sponsorName ?? '—' },
    {
      title: t(fw.colApproved),
      key: 'at',
      responsive: ['lg'],
      render: (_, i) => (i.order.lastSubmittedAt ? dayjs(i.order.lastSubmittedAt).format('YYYY-MM-DD HH:mm') : '—'),
    },
    {
      title: t(fw.colStatus),
      key: 'status',
      render: (_, i) => (
        <Space orientation="vertical" size={0}>
          <Tag color={FORWARDING_STATUS[i.outbox.status].color}>{t(FORWARDING_STATUS[i.outbox.status].label)}</Tag>
          {i.outbox.status === 'retrying' && i.outbox.nextAttemptAt && (
            <Typography.Text type="secondary">
              {t(fw.nextAttempt, { at: dayjs(i.outbox.nextAttemptAt).format('HH:mm:ss') })}
            </Typography.Text>
          )}
          {i.outbox.lastError && (
            <Typography.Text type="danger" className="fw-error">
              {i.outbox.lastError}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t(fw.colAttempts), key: 'attempts', responsive: ['md'], render: (_, i) => i.outbox.attempts },
    {
      title: '',
      key: 'act',
      render: (_, i) =>
        i.outbox.status === 'held' && (
          <Button
            size="small"
            onClick={() => send([i.order.id])}
            loading={forward.isPending}
            aria-label={`${t(fw.forward)} ${i.order.domains.join(', ')}`}
          >
            {t(fw.forward)}
          </Button>
        ),
    },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {forward.error && <Alert type="error" showIcon title={forward.error.message} />}
      <Button
        type="primary"
        disabled={selected.length === 0}
        loading={forward.isPending}
        onClick={() => send(selected)}
      >
        {t(fw.forwardSelected, { count: selected.length })}
      </Button>
      {/* Scrolled by a wrapper: antd's own horizontal scroll adds a hidden measure row with focusable checkboxes. */}
      <div style={{ overflowX: 'auto' }}>
        <Table<Item>
          rowKey={(i) => i.order.id}
          size="middle"
          columns={columns}
          dataSource={list.items}
          pagination={false}
          locale={{ emptyText: <Typography.Text type="secondary">{t(fw.empty)}</Typography.Text> }}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys as string[]),
            getCheckboxProps: (i) => ({
              disabled: i.outbox.status !== 'held',
              'aria-label': i.order.domains.join(', '),
            }),
          }}
        />
      </div>
    </Space>
  );
}

/** /staff/forwarding: what goes to the regulator next, its delivery state, and the forwarding mode. */
export default function StaffForwardingPage() {
  const { t } = useI18n();
  const list = useForwarding();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t(fw.title)}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t(fw.intro)}
      </Typography.Paragraph>
      <QueryState query={list}>
        {(l) => (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <ModeSwitch list={l} />
            <ForwardingTable list={l} />
          </Space>
        )}
      </QueryState>
    </Space>
  );
}
