import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Collapse, List, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Message } from '../../../i18n/message.ts';
import type { OrderView } from '../../orders/api/get-order.ts';
import { fieldLabel, m } from '../messages.ts';

type Rejection = OrderView['rejections'][number];

const STAGE: Record<Rejection['stage'], Message> = {
  provider: m.stageProviderRejection,
  authenticity: m.stageAuthenticityRejection,
  admin: m.stageAdminRejection,
  miit_return: m.stageMiitReturn,
};

export const formatTime = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

function Reasons({ rejection }: { rejection: Rejection }) {
  const { t, locale } = useI18n();
  return (
    <List
      size="small"
      bordered
      dataSource={rejection.reasons}
      renderItem={(r) => (
        <List.Item>
          <div className="op-reason">
            <Typography.Text strong>{fieldLabel(r.field, locale)}</Typography.Text>
            <div>{r.message}</div>
            {r.suggestion && (
              <div className="op-reason-suggestion">
                {t(m.suggestion)}: {r.suggestion}
              </div>
            )}
          </div>
        </List.Item>
      )}
    />
  );
}

/** The latest rejection's reasons per field with the fix, the way to edit, and the earlier rejections folded. */
export function RejectionPanel({ order, title, canFile }: { order: OrderView; title: Message; canFile: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const sorted = [...order.rejections].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const latest = sorted.at(-1);
  const earlier = sorted.slice(0, -1).reverse();
  const reupload = order.state === 'authenticity_rejected';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type="error"
        showIcon
        title={t(title)}
        description={
          <>
            {latest && (
              <div>
                {t(STAGE[latest.stage])} · {t(m.rejectedAt)} {formatTime(latest.at)}
              </div>
            )}
            <div>{t(m.rejectedText)}</div>
          </>
        }
      />
      {latest && (
        <section aria-labelledby="op-reasons-title">
          <Typography.Title level={3} id="op-reasons-title" className="op-h3">
            {t(m.rejectionReasons)}
          </Typography.Title>
          <Reasons rejection={latest} />
        </section>
      )}
      {canFile && (
        <div>
          <Button
            type="primary"
            icon={<EditOutlined />}
            // A rejected photo is taken again on the materials page, the rest is corrected in the wizard.
            onClick={() => navigate(`/orders/${encodeURIComponent(order.id)}/${reupload ? 'materials' : 'edit'}`)}
          >
            {t(reupload ? m.doVerification : m.editInfo)}
          </Button>
        </div>
      )}
      {earlier.length > 0 && (
        <Collapse
          size="small"
          items={[
            {
              key: 'earlier',
              label: t(m.earlierRejections, { count: earlier.length }),
              children: (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {earlier.map((r) => (
                    <div key={r.at}>
                      <Typography.Text type="secondary">
                        {t(STAGE[r.stage])} · {formatTime(r.at)}
                      </Typography.Text>
                      <Reasons rejection={r} />
                    </div>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}
