import type { ApiKeyScope, WebhookEventType } from '../../../../src/contracts/integrations-api.ts';
import { defineMessages, type Message } from '../../i18n/message.ts';

export const keysText = defineMessages({
  title: { zh: 'API 密钥', en: 'API keys' },
  staffTitle: { zh: '员工工具 API 密钥', en: 'Staff tools’ API keys' },
  intro: {
    zh: '用 API 密钥让您的系统调用备案接口（请求头 Authorization 写“Bearer 密钥”）。密钥代表您本人，只能做所选权限范围内的事；不能用于登录、管理密钥或查看明文个人信息。',
    en: 'An API key lets your systems call the filing API (header Authorization: “Bearer” and the key). It acts as you, within the scopes you choose; it cannot sign in, manage keys or reveal personal data.',
  },
  staffIntro: {
    zh: '员工工具（如看板、SLA 监控）的只读密钥。审核决定、查看明文与转报始终需要员工本人登录并通过动态验证码。',
    en: 'Read-only keys for staff tools (dashboards, SLA monitors). Decisions, reveals and forwarding always need a person signed in with the authenticator.',
  },
  create: { zh: '创建密钥', en: 'Create key' },
  name: { zh: '名称', en: 'Name' },
  namePlaceholder: { zh: '如：ERP 同步', en: 'e.g. ERP sync' },
  nameRequired: { zh: '请填写名称', en: 'Enter a name' },
  scopes: { zh: '权限范围', en: 'Scopes' },
  scopesRequired: { zh: '至少选择一项权限', en: 'Choose at least one scope' },
  owner: { zh: '代表的员工', en: 'Acts as staff member' },
  ownerRequired: { zh: '请选择员工', en: 'Choose a staff member' },
  expires: { zh: '有效期至（可选）', en: 'Expires (optional)' },
  createdTitle: { zh: '密钥已创建：请立即复制保存', en: 'Key created: copy it now' },
  createdWarning: {
    zh: '这是唯一一次显示完整密钥。关闭后无法再次查看；如遗失，请吊销并新建。',
    en: 'This is the only time the full key is shown. It cannot be shown again; if lost, revoke it and create a new one.',
  },
  copyKey: { zh: '复制密钥', en: 'Copy the key' },
  done: { zh: '我已保存', en: 'I have saved it' },
  colName: { zh: '名称', en: 'Name' },
  colPrefix: { zh: '前缀', en: 'Prefix' },
  colScopes: { zh: '权限范围', en: 'Scopes' },
  colLastUsed: { zh: '最近使用', en: 'Last used' },
  colCreated: { zh: '创建时间', en: 'Created' },
  colStatus: { zh: '状态', en: 'Status' },
  colAction: { zh: '操作', en: 'Action' },
  never: { zh: '从未使用', en: 'Never' },
  revoke: { zh: '吊销', en: 'Revoke' },
  revokeKey: { zh: '吊销密钥“{name}”', en: 'Revoke key “{name}”' },
  revokeConfirm: {
    zh: '吊销后使用此密钥的请求将立即被拒绝，且无法恢复。确定吊销？',
    en: 'Requests with this key are refused at once and this cannot be undone. Revoke it?',
  },
  empty: { zh: '还没有 API 密钥。', en: 'No API keys yet.' },
  active: { zh: '有效', en: 'Active' },
  revoked: { zh: '已吊销', en: 'Revoked' },
  expired: { zh: '已过期', en: 'Expired' },
});

export const scopeLabels: Record<ApiKeyScope, Message> = {
  'orders:read': { zh: '查看备案订单', en: 'Read filing orders' },
  'orders:write': { zh: '办理备案（创建、填写、上传、提交）', en: 'File (create, fill in, upload, submit)' },
  'records:read': { zh: '查看备案信息（备案管理）', en: 'Read filed records' },
  'webhooks:manage': { zh: '管理 Webhook', en: 'Manage webhooks' },
  'queue:read': { zh: '查看审核队列', en: 'Read review queues' },
  'orders:review:read': { zh: '查看审核中的订单（脱敏）', en: 'Read orders under review (masked)' },
};

export const hooksText = defineMessages({
  title: { zh: 'Webhook', en: 'Webhooks' },
  staffTitle: { zh: '平台 Webhook', en: 'Platform webhooks' },
  intro: {
    zh: '订单状态变化时，平台向您的地址发送签名的 POST 请求（不含姓名、证件号、手机号等个人信息）。请校验 X-Beian-Signature 并拒绝超过 5 分钟的时间戳。',
    en: 'When an order changes, the platform POSTs a signed event to your URL (no names, ID or phone numbers). Verify X-Beian-Signature and reject timestamps older than 5 minutes.',
  },
  staffIntro: {
    zh: '平台级订阅接收所有账号订单的事件，供员工工具使用。',
    en: 'Platform-wide subscriptions receive the events of every account’s orders, for staff tools.',
  },
  create: { zh: '添加 Webhook', en: 'Add webhook' },
  url: { zh: '接收地址（URL）', en: 'Receiver URL' },
  urlRequired: { zh: '请填写以 https:// 开头的地址', en: 'Enter a URL starting with https://' },
  events: { zh: '事件', en: 'Events' },
  eventsRequired: { zh: '至少选择一个事件', en: 'Choose at least one event' },
  description: { zh: '备注（可选）', en: 'Note (optional)' },
  createdTitle: { zh: 'Webhook 已添加：请立即复制签名密钥', en: 'Webhook added: copy the signing secret now' },
  createdWarning: {
    zh: '签名密钥只显示这一次，用于校验每次推送的 X-Beian-Signature。',
    en: 'The signing secret is shown only this once; use it to verify X-Beian-Signature on every delivery.',
  },
  copySecret: { zh: '复制签名密钥', en: 'Copy the signing secret' },
  done: { zh: '我已保存', en: 'I have saved it' },
  colUrl: { zh: '地址', en: 'URL' },
  colEvents: { zh: '事件', en: 'Events' },
  colStatus: { zh: '状态', en: 'Status' },
  colAction: { zh: '操作', en: 'Action' },
  active: { zh: '启用', en: 'Active' },
  paused: { zh: '已暂停', en: 'Paused' },
  pause: { zh: '暂停', en: 'Pause' },
  resume: { zh: '启用', en: 'Resume' },
  deliveries: { zh: '推送记录', en: 'Deliveries' },
  deliveriesOf: { zh: '{url} 的推送记录', en: 'Deliveries to {url}' },
  empty: { zh: '还没有 Webhook。', en: 'No webhooks yet.' },
  noDeliveries: {
    zh: '还没有推送。订单状态变化后会出现在这里。',
    en: 'No deliveries yet. They appear when an order changes.',
  },
  colEvent: { zh: '事件', en: 'Event' },
  colOrder: { zh: '订单', en: 'Order' },
  colAttempts: { zh: '尝试次数', en: 'Attempts' },
  colLastError: { zh: '最近错误', en: 'Last error' },
  colTime: { zh: '时间', en: 'Time' },
  redeliver: { zh: '重新推送', en: 'Redeliver' },
  redeliverOf: { zh: '重新推送 {event}（{time}）', en: 'Redeliver {event} ({time})' },
  redelivered: { zh: '已重新排队推送', en: 'Queued again' },
  pending: { zh: '推送中', en: 'Pending' },
  delivered: { zh: '已送达', en: 'Delivered' },
  failed: { zh: '失败', en: 'Failed' },
  attemptLine: { zh: '第 {n} 次 · {time} · {status} · {ms} ms', en: 'Attempt {n} · {time} · {status} · {ms} ms' },
});

export const eventLabels: Record<WebhookEventType, Message> = {
  'order.state_changed': { zh: '订单状态变化', en: 'Order state changed' },
  'order.rejected': { zh: '订单被驳回', en: 'Order rejected' },
  'record.number_issued': { zh: '备案号已下发', en: 'Filing number issued' },
};

export const integrationsText = defineMessages({
  staffPageTitle: { zh: '集成（API 密钥与 Webhook）', en: 'Integrations (API keys and webhooks)' },
  nav: { zh: '集成', en: 'Integrations' },
  navKeys: { zh: 'API 密钥', en: 'API keys' },
  navHooks: { zh: 'Webhook', en: 'Webhooks' },
});
