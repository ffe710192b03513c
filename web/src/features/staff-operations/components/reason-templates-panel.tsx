import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { type ReasonTemplate, ReasonTemplateSchema } from '../../../../../src/contracts/operations-api.ts';
import { QueryState } from '../../../components/query-state.tsx';
import { zodRule } from '../../../forms/rules.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Message } from '../../../i18n/message.ts';
import { useReasonTemplates } from '../../staff-review/api/get-reason-templates.ts';
import { useSaveReasonTemplate } from '../api/reason-templates.ts';
import { op } from '../messages.ts';

const SCOPES: Record<ReasonTemplate['scope'], Message> = {
  field: op.scopeField,
  material: op.scopeMaterial,
  both: op.scopeBoth,
  authenticity: op.scopeAuthenticity,
};

function TemplateDialog({ template, onClose }: { template: ReasonTemplate | 'new'; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const save = useSaveReasonTemplate();
  const [form] = Form.useForm<ReasonTemplate>();
  const isNew = template === 'new';
  const required = { required: true, message: t(op.required) };
  return (
    <Modal
      open
      title={isNew ? t(op.tplNew) : t(op.tplEdit, { code: template.code })}
      okText={t(op.save)}
      cancelText={t(op.cancel)}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form<ReasonTemplate>
        form={form}
        layout="vertical"
        initialValues={isNew ? { scope: 'field', active: true, sort: 100 } : template}
        onFinish={(v) =>
          save.mutate(
            { ...v, code: isNew ? v.code : template.code },
            {
              onSuccess: () => {
                void message.success(t(op.saved));
                onClose();
              },
            },
          )
        }
      >
        {isNew && (
          <Form.Item
            name="code"
            label={t(op.tplCode)}
            extra={t(op.tplCodeHint)}
            rules={[required, zodRule(ReasonTemplateSchema.shape.code, locale, op.tplCodeHint)]}
          >
            <Input maxLength={64} />
          </Form.Item>
        )}
        <Form.Item name="scope" label={t(op.tplScope)} rules={[required]}>
          <Select options={Object.entries(SCOPES).map(([value, label]) => ({ value, label: t(label) }))} />
        </Form.Item>
        <Form.Item name="zh" label={t(op.tplZh)} rules={[required, zodRule(ReasonTemplateSchema.shape.zh, locale)]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="en" label={t(op.tplEn)} rules={[required, zodRule(ReasonTemplateSchema.shape.en, locale)]}>
          <Input maxLength={200} />
        </Form.Item>
        <Space size="large">
          <Form.Item name="sort" label={t(op.tplSort)} rules={[required]}>
            <InputNumber min={0} max={10_000} />
          </Form.Item>
          <Form.Item name="active" label={t(op.tplActive)} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        {save.error && <Tag color="error">{save.error.message}</Tag>}
      </Form>
    </Modal>
  );
}

/** The rejection reasons reviewers pick from: edit the texts, retire one, add a new one. */
export function ReasonTemplatesPanel() {
  const { t } = useI18n();
  const templates = useReasonTemplates({ all: true });
  const [editing, setEditing] = useState<ReasonTemplate | 'new' | null>(null);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setEditing('new')}>
        {t(op.add)}
      </Button>
      <QueryState query={templates}>
        {(items) => (
          <div style={{ overflowX: 'auto' }}>
            <Table<ReasonTemplate>
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={items}
              columns={[
                {
                  title: t(op.tplCode),
                  dataIndex: 'code',
                  render: (c: string) => <code style={{ wordBreak: 'break-all', fontSize: 12 }}>{c}</code>,
                },
                {
                  title: t(op.tplScope),
                  dataIndex: 'scope',
                  responsive: ['md'],
                  render: (s: ReasonTemplate['scope']) => t(SCOPES[s]),
                },
                { title: t(op.tplZh), dataIndex: 'zh', onCell: () => ({ style: { minWidth: 120 } }) },
                { title: t(op.tplEn), dataIndex: 'en', responsive: ['md'] },
                {
                  title: t(op.tplActive),
                  dataIndex: 'active',
                  render: (a: boolean) => (
                    <Tag color={a ? 'success' : 'default'}>{a ? t(op.tplActive) : t(op.stDisabled)}</Tag>
                  ),
                },
                {
                  title: '',
                  key: 'edit',
                  render: (_, r) => (
                    <Button size="small" onClick={() => setEditing(r)} aria-label={`${t(op.edit)} ${r.code}`}>
                      {t(op.edit)}
                    </Button>
                  ),
                },
              ]}
            />
          </div>
        )}
      </QueryState>
      {editing && <TemplateDialog template={editing} onClose={() => setEditing(null)} />}
    </Space>
  );
}
