import { Button, Card, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { isOpenState, OrderStateTag } from '../../../components/order-state-tag.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useOrders } from '../../orders/api/list-orders.ts';
import { homeText } from '../messages.ts';

/** The account's running orders, newest first: a draft resumes in the wizard, the others show their progress. */
export function OpenOrders() {
  const { t, ts } = useI18n();
  const orders = useOrders();
  const navigate = useNavigate();
  return (
    <Card title={<h2 className="card-title">{t(homeText.openOrdersTitle)}</h2>}>
      <QueryState
        query={orders}
        isEmpty={(d) => !d.items.some((o) => isOpenState(o.state))}
        empty={<Typography.Text type="secondary">{t(homeText.noOpenOrders)}</Typography.Text>}
      >
        {(d) => (
          // A plain list: antd List would bring Pagination and Select into the first page (~25 kB gzip).
          <ul className="open-orders">
            {d.items
              .filter((o) => isOpenState(o.state))
              .map((o) => {
                const draft = o.state === 'draft';
                return (
                  <li key={o.id} className="open-order">
                    <div className="open-order-text">
                      <Space wrap size={8}>
                        <strong>{ts(o.typeName)}</strong>
                        <OrderStateTag state={o.state} label={o.stateLabel} />
                      </Space>
                      {o.domains.length > 0 && <div>{o.domains.join(t(homeText.listSeparator))}</div>}
                      <Typography.Text type="secondary">
                        {t(homeText.updatedAt, { time: dayjs(o.updatedAt).format('YYYY-MM-DD HH:mm') })}
                      </Typography.Text>
                    </div>
                    <Button
                      type={draft ? 'primary' : 'default'}
                      onClick={() => navigate(draft ? `/orders/${o.id}/edit` : `/orders/${o.id}`)}
                    >
                      {t(draft ? homeText.resume : homeText.viewProgress)}
                    </Button>
                  </li>
                );
              })}
          </ul>
        )}
      </QueryState>
    </Card>
  );
}
