import { Button, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { OrderStateTag } from '../../../components/order-state-tag.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type OrderSummary, useOrders } from '../../orders/api/list-orders.ts';
import { recordsText } from '../messages.ts';
import '../records.css';

const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : null);

/** 备案记录: every order of the account, newest first, each with a link to it. */
export default function OrderHistoryPage() {
  const { t, ts } = useI18n();
  const navigate = useNavigate();
  const orders = useOrders();
  return (
    <div>
      <div className="records-head">
        <Typography.Title level={1} className="records-title">
          {t(recordsText.historyTitle)}
        </Typography.Title>
        <Link to="/records">{t(recordsText.backToRecords)}</Link>
      </div>
      <QueryState query={orders}>
        {(d) => (
          <Table<OrderSummary>
            rowKey="id"
            dataSource={d.items}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 720 }}
            locale={{ emptyText: t(recordsText.noOrders) }}
            columns={[
              { title: t(recordsText.colType), key: 'type', render: (_v, o) => ts(o.typeName) },
              {
                title: t(recordsText.colDomains),
                key: 'domains',
                render: (_v, o) => o.domains.join(t(recordsText.listSeparator)) || '—',
              },
              {
                title: t(recordsText.colState),
                key: 'state',
                render: (_v, o) => <OrderStateTag state={o.state} label={o.stateLabel} />,
              },
              {
                title: t(recordsText.colSubmitted),
                key: 'submitted',
                render: (_v, o) => when(o.submittedAt) ?? t(recordsText.notSubmitted),
              },
              { title: t(recordsText.colUpdated), key: 'updated', render: (_v, o) => when(o.updatedAt) },
              {
                title: t(recordsText.colAction),
                key: 'go',
                render: (_v, o) => (
                  <Button
                    type="link"
                    aria-label={`${t(o.state === 'draft' ? recordsText.resume : recordsText.view)}: ${ts(o.typeName)} ${o.domains.join(' ')}`}
                    onClick={() => navigate(o.state === 'draft' ? `/orders/${o.id}/edit` : `/orders/${o.id}`)}
                  >
                    {t(o.state === 'draft' ? recordsText.resume : recordsText.view)}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </div>
  );
}
