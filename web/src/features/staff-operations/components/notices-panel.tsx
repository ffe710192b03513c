import { App, Button, DatePicker, Form, Input, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { type Notice, SaveNoticeSchema } from '../../../../../src/contracts/operations-api.ts';
import { QueryState } from '../../../components/query-state.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useAdminNotices, useSaveNotice, useWithdrawNotice } from '../api/notices.ts';
import { op } from '../messages.ts';

type NoticeForm = {
  level: 'info' | 'warning';
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
  startsAt: Dayjs;
  endsAt?: Dayjs | null;
};

const stateOf = (n: Notice, now: number) =>
  n.withdrawnAt
    ? op.ntWithdrawn
    : Date.parse(n.startsAt) > now
      ? op.ntScheduled
      : n.endsAt && Date.parse(n.endsAt) <= now
        ? op.ntEnded
        : op.ntLive;

function NoticeDialog({ notice, onClose }: { notice: Notice | 'new'; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const save = useSaveNotice();
  const [form] = Form.useForm<NoticeForm>();
  const isNew = notice === 'new';
  const required = { required: true, whitespace: true, message: t(op.required) };
  const initial: Partial<NoticeForm> = isNew
    ? { level: 'info', startsAt: dayjs() }
    : { ...notice, startsAt: dayjs(notice.startsAt), endsAt: notice.endsAt ? dayjs(notice.endsAt) : null };
  return (
    <Modal
      open
      width={640}
      title={isNew ? t(op.ntNew) : t(op.ntEdit)}
      okText={t(op.save)}
      cancelText={t(op.cancel)}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form<NoticeForm>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => {
          const body = SaveNoticeSchema.safeParse({
            ...v,
            startsAt: v.startsAt.toISOString(),
            endsAt: v.endsAt ? v.endsAt.toISOString() : null,
          });
          if (!body.success) {
            form.setFields([{ name: 'endsAt', errors: [t(op.ntEndAfterStart)] }]);
            return;
          }
          save.mutate(
            { id: isNew ? undefined : notice.id, notice: body.data },
            {
              onSuccess: () => {
                void message.success(t(op.saved));
                onClose();
              },
            },
          );
        }}
      >
        <Form.Item name="level" label={t(op.ntLevel)}>
          <Radio.Group
            options={[
              { value: 'info', label: t(op.ntInfo) },
              { value: 'warning', label: t(op.ntWarning) },
            ]}
          />
        </Form.Item>
        <Form.Item name="titleZh" label={t(op.ntTitleZh)} rules={[required]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="titleEn" label={t(op.ntTitleEn)} rules={[required]}>
          <Input maxLength={150} />
        </Form.Item>
        <Form.Item name="bodyZh" label={t(op.ntBodyZh)} rules={[required]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="bodyEn" label={t(op.ntBodyEn)} rules={[required]}>
          <Input.TextArea rows={3} maxLength={3000} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="startsAt" label={t(op.ntStarts)} rules={[{ required: true, message: t(op.required) }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="endsAt" label={t(op.ntEnds)}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
        </Space>
        {save.error && <Typography.Text type="danger">{save.error.message}</Typography.Text>}
      </Form>
    </Modal>
  );
}

/** The notice board of the applicants' console: publish, edit, withdraw. */
export function NoticesPanel() {
  const { t, locale } = useI18n();
  const { modal } = App.useApp();
  const notices = useAdminNotices();
  const withdraw = useWithdrawNotice();
  const [editing, setEditing] = useState<Notice | 'new' | null>(null);
  const now = Date.now();
  const time = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setEditing('new')}>
        {t(op.ntNew)}
      </Button>
      <QueryState query={notices}>
        {(d) => (
          <div style={{ overflowX: 'auto' }}>
            <Table<Notice>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={d.items}
              columns={[
                {
                  title: t(op.ntTitleZh),
                  key: 'title',
                  render: (_, n) => (
                    <Space>
                      {n.level === 'warning' && <Tag color="warning">{t(op.ntWarning)}</Tag>}
                      {locale === 'zh-CN' ? n.titleZh : n.titleEn}
                    </Space>
                  ),
                },
                {
                  title: t(op.ntPeriod),
                  key: 'period',
                  render: (_, n) => `${time(n.startsAt)} – ${time(n.endsAt)}`,
                },
                {
                  title: t(op.ntState),
                  key: 'state',
                  render: (_, n) => {
                    const s = stateOf(n, now);
                    return <Tag color={s === op.ntLive ? 'success' : 'default'}>{t(s)}</Tag>;
                  },
                },
                {
                  title: '',
                  key: 'act',
                  render: (_, n) =>
                    !n.withdrawnAt && (
                      <Space>
                        <Button size="small" onClick={() => setEditing(n)}>
                          {t(op.edit)}
                        </Button>
                        <Button
                          size="small"
                          danger
                          onClick={() =>
                            modal.confirm({
                              title: t(op.ntWithdraw),
                              content: t(op.ntWithdrawConfirm),
                              okButtonProps: { danger: true },
                              okText: t(op.ntWithdraw),
                              cancelText: t(op.cancel),
                              onOk: () => withdraw.mutateAsync(n.id),
                            })
                          }
                        >
                          {t(op.ntWithdraw)}
                        </Button>
                      </Space>
                    ),
                },
              ]}
            />
          </div>
        )}
      </QueryState>
      {editing && <NoticeDialog notice={editing} onClose={() => setEditing(null)} />}
    </Space>
  );
}
