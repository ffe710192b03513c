import type { AuthorizationCode } from './api/list-codes.ts';

type AuthCodeState = AuthorizationCode['state'];

import { defineMessages, type Message } from '../../i18n/message.ts';

export const codesText = defineMessages({
  title: { zh: '备案授权码', en: 'Authorization codes' },
  intro: {
    zh: '授权码用于证明网站使用本平台的服务器，填写在网站信息的“关联服务”中。包年包月且剩余有效期超过3个月、绑定公网IP的服务器可申请；每个IP最多5个，有效期1年。',
    en: 'A code proves the website uses a server here; it goes into the website’s “associated service” field. Prepaid servers with over 3 months left and a public IP qualify; at most 5 codes per IP, each valid for 1 year.',
  },
  applyTitle: { zh: '申请授权码', en: 'Apply for a code' },
  resource: { zh: '云服务器', en: 'Server' },
  resourceRequired: { zh: '请选择资源', en: 'Choose a resource' },
  ip: { zh: '公网IP', en: 'Public IP' },
  ipRequired: { zh: '请选择公网IP', en: 'Choose the public IP' },
  remaining: { zh: '{ip}（还可申请{n}个）', en: '{ip} ({n} left)' },
  apply: { zh: '申请', en: 'Apply' },
  applied: { zh: '已申请授权码：{code}', en: 'Code issued: {code}' },
  noResources: { zh: '账号下没有云资源', en: 'This account has no cloud resources' },
  listTitle: { zh: '我的授权码', en: 'My codes' },
  noCodes: { zh: '还没有授权码', en: 'No codes yet' },
  colCode: { zh: '授权码', en: 'Code' },
  colIp: { zh: '公网IP', en: 'Public IP' },
  colState: { zh: '状态', en: 'State' },
  colIssued: { zh: '申请时间', en: 'Issued' },
  colExpires: { zh: '有效期至', en: 'Valid until' },
  colUsedBy: { zh: '使用情况', en: 'Used by' },
  colAction: { zh: '操作', en: 'Action' },
  copyCode: { zh: '复制授权码 {code}', en: 'Copy code {code}' },
  revoke: { zh: '作废', en: 'Revoke' },
  revokeCode: { zh: '作废授权码 {code}', en: 'Revoke code {code}' },
  revokeConfirm: {
    zh: '作废后该授权码不能再用于备案，确定作废？',
    en: 'A revoked code can no longer be used in a filing. Revoke it?',
  },
  revoked: { zh: '已作废', en: 'Revoked' },
  order: { zh: '备案订单', en: 'Filing order' },
  subAccountApply: {
    zh: '子账号只能查看授权码，申请请使用主账号',
    en: 'Sub-accounts can only view codes; apply with the main account',
  },
});

export const codeStateLabels: Record<AuthCodeState, Message> = {
  unused: { zh: '未使用', en: 'Unused' },
  in_filing: { zh: '备案中', en: 'In a filing' },
  used: { zh: '已使用', en: 'Used' },
  invalid: { zh: '无效', en: 'Invalid' },
};

export const ineligibleLabels: Record<'pay_as_you_go' | 'expires_within_3_months' | 'no_public_ip', Message> = {
  pay_as_you_go: {
    zh: '按配置计费的资源不能申请，需包年包月',
    en: 'Pay-as-you-go resources do not qualify; prepaid billing is needed',
  },
  expires_within_3_months: { zh: '剩余有效期不足3个月', en: 'Less than 3 months of validity left' },
  no_public_ip: { zh: '未绑定公网IP', en: 'No public IP bound' },
};
