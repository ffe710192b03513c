import { defineMessages } from '../../i18n/message.ts';

export const sfText = defineMessages({
  enrolTitle: { zh: '绑定身份验证器', en: 'Set up an authenticator' },
  enrolIntro: {
    zh: '工作人员登录需要第二重验证。请用手机上的身份验证器应用（如 Microsoft Authenticator、Google 身份验证器、FreeOTP）扫描下方二维码。',
    en: 'Staff sign in with a second factor. Scan the QR code below with an authenticator app on your phone (for example Microsoft Authenticator, Google Authenticator or FreeOTP).',
  },
  qrLabel: { zh: '身份验证器二维码', en: 'QR code for your authenticator app' },
  manualEntry: { zh: '无法扫码？在应用中手动输入此密钥：', en: 'Cannot scan? Enter this key in the app by hand:' },
  copySecret: { zh: '复制密钥', en: 'Copy the key' },
  enrolCodeLabel: { zh: '应用显示的6位验证码', en: 'The 6-digit code the app shows' },
  enrolSubmit: { zh: '验证并绑定', en: 'Verify and set up' },
  verifyTitle: { zh: '输入动态验证码', en: 'Enter your authenticator code' },
  verifyIntro: {
    zh: '打开身份验证器应用，输入“beian”下显示的6位验证码。',
    en: 'Open your authenticator app and enter the 6-digit code shown under “beian”.',
  },
  codeLabel: { zh: '6位验证码', en: '6-digit code' },
  codeRequired: { zh: '请输入6位数字验证码', en: 'Enter the 6 digits' },
  verifySubmit: { zh: '验证', en: 'Verify' },
  useRecovery: { zh: '使用恢复码', en: 'Use a recovery code' },
  useApp: { zh: '改用验证器应用', en: 'Use the authenticator app' },
  recoveryLabel: { zh: '恢复码', en: 'Recovery code' },
  recoveryRequired: { zh: '请输入恢复码', en: 'Enter a recovery code' },
  recoveryHint: {
    zh: '每个恢复码只能使用一次。手机丢失时，请联系管理员重置第二重验证。',
    en: 'Each recovery code works once. If you lost your phone, ask an administrator to reset your second factor.',
  },
  wrongCode: { zh: '验证码错误，还可尝试 {left} 次。', en: 'Wrong code. {left} attempts left.' },
  wrongRecovery: {
    zh: '恢复码错误或已使用，还可尝试 {left} 次。',
    en: 'Wrong or already used recovery code. {left} attempts left.',
  },
  reusedCode: {
    zh: '该验证码已使用过，请等待应用显示下一个验证码。',
    en: 'This code was already used. Wait for the app to show the next one.',
  },
  locked: {
    zh: '错误次数过多，验证已锁定至 {time}，请届时再试。',
    en: 'Too many wrong codes. Locked until {time}; try again then.',
  },
  recoveryTitle: { zh: '保存恢复码', en: 'Save your recovery codes' },
  recoveryIntro: {
    zh: '身份验证器已绑定。手机丢失时可用以下恢复码登录，每个只能用一次。它们只显示这一次，请立即复制或下载并妥善保存。',
    en: 'Your authenticator is set up. If you lose your phone, sign in with one of these recovery codes; each works once. They are shown only this once: copy or download them now and keep them safe.',
  },
  recoveryListLabel: { zh: '恢复码列表', en: 'Recovery codes' },
  copyCodes: { zh: '复制全部恢复码', en: 'Copy all recovery codes' },
  download: { zh: '下载', en: 'Download' },
  savedThem: { zh: '我已保存恢复码', en: 'I saved them' },
  continue: { zh: '进入工作台', en: 'Continue to the back office' },
  otherAccount: { zh: '换个账号登录', en: 'Sign in with another account' },
  fileHeader: {
    zh: 'ICP备案系统 恢复码（每个只能使用一次）',
    en: 'ICP filing recovery codes (each works once)',
  },
});
