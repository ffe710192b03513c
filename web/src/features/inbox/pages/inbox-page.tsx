import { Badge, Button, Card, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { ErrorAlert, QueryState } from '../../../components/query-state.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useMe } from '../../auth/api/get-me.ts';
import { useInbox } from '../api/get-inbox.ts';
import { useMarkRead } from '../api/mark-read.ts';
import { inboxText } from '../messages.ts';
import '../inbox.css';
import '../../../components/tags.css';

/** The inbox: newest first, unread ones marked (text, not colour alone), each linked to its order. */
export default function InboxPage() {
  const { t } = useI18n();
  const me = useMe();
  const inbox = useInbox();
  const markRead = useMarkRead();
  const canMark = me.data?.role === 'applicant';
  return (
    <div>
      <Space wrap align="baseline" size={12} className="inbox-head">
        <Typography.Title level={1} className="inbox-title">
          {t(inboxText.title)}
        </Typography.Title>
        {inbox.data && (
          <Typography.Text type="secondary">{t(inboxText.unreadCount, { n: inbox.data.unreadCount })}</Typography.Text>
        )}
      </Space>
      <div aria-live="assertive">{markRead.error ? <ErrorAlert error={markRead.error} /> : null}</div>
      <Card>
        <QueryState
          query={inbox}
          isEmpty={(d) => d.items.length === 0}
          empty={<Typography.Text type="secondary">{t(inboxText.empty)}</Typography.Text>}
        >
          {(d) => (
            <List
              dataSource={d.items}
              renderItem={(m) => {
                const unread = m.readAt === null;
                return (
                  <List.Item
                    className={unread ? 'inbox-item inbox-unread' : 'inbox-item'}
                    actions={[
                      ...(m.orderId
                        ? [
                            <Link key="order" to={`/orders/${m.orderId}`}>
                              {t(inboxText.openOrder)}
                            </Link>,
                          ]
                        : []),
                      ...(unread && canMark
                        ? [
                            <Button
                              key="read"
                              size="small"
                              aria-label={t(inboxText.markReadOf, { title: m.title })}
                              loading={markRead.isPending && markRead.variables === m.id}
                              onClick={() => markRead.mutate(m.id)}
                            >
                              {t(inboxText.markRead)}
                            </Button>,
                          ]
                        : []),
                    ]}
                  >
                    <List.Item.Meta
                      avatar={unread ? <Badge status="processing" /> : <Badge status="default" />}
                      title={
                        <Space wrap size={8}>
                          <span className={unread ? 'inbox-title-unread' : undefined}>{m.title}</span>
                          {unread && <Tag color="processing">{t(inboxText.unread)}</Tag>}
                        </Space>
                      }
                      description={
                        <>
                          <div className="inbox-body">{m.body}</div>
                          <time dateTime={m.createdAt}>{dayjs(m.createdAt).format('YYYY-MM-DD HH:mm')}</time>
                        </>
                      }
                    />
                  </List.Item>
                );
              }}
            />
          )}
        </QueryState>
      </Card>
    </div>
  );
}
