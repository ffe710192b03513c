import { defineMessages } from '../../i18n/message.ts';

export const inboxText = defineMessages({
  title: { zh: '消息中心', en: 'Messages' },
  unreadCount: { zh: '{n} 条未读', en: '{n} unread' },
  unread: { zh: '未读', en: 'Unread' },
  markRead: { zh: '标为已读', en: 'Mark read' },
  markReadOf: { zh: '将“{title}”标为已读', en: 'Mark “{title}” read' },
  openOrder: { zh: '查看订单', en: 'Open the order' },
  empty: {
    zh: '暂无消息。审核结果、短信核验提醒等会发送到这里。',
    en: 'No messages yet. Review results and SMS reminders arrive here.',
  },
});
