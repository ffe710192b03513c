import { defineMessages } from '../../i18n/message.ts';

export const authText = defineMessages({
  signInTitle: { zh: '登录备案系统', en: 'Sign in to ICP filing' },
  signUpTitle: { zh: '注册账号', en: 'Create an account' },
  email: { zh: '邮箱', en: 'E-mail' },
  emailRequired: { zh: '请输入邮箱', en: 'Enter your e-mail' },
  emailInvalid: { zh: '邮箱格式不正确', en: 'This is not an e-mail address' },
  password: { zh: '密码', en: 'Password' },
  passwordRequired: { zh: '请输入密码', en: 'Enter your password' },
  passwordHint: { zh: '至少12位，不能是常见密码', en: 'At least 12 characters, not a common password' },
  passwordTooShort: { zh: '密码至少12位', en: 'The password needs at least 12 characters' },
  passwordConfirm: { zh: '确认密码', en: 'Confirm password' },
  passwordMismatch: { zh: '两次输入的密码不一致', en: 'The two passwords differ' },
  displayName: { zh: '称呼', en: 'Your name' },
  displayNameRequired: { zh: '请输入称呼', en: 'Enter how we should call you' },
  noAccount: { zh: '还没有账号？', en: 'No account yet?' },
  haveAccount: { zh: '已有账号？', en: 'Already registered?' },
  goSignUp: { zh: '立即注册', en: 'Sign up' },
  goSignIn: { zh: '去登录', en: 'Sign in' },
  registered: {
    zh: '注册申请已受理。如果该邮箱此前未注册，账号已创建，现在即可登录；如已注册，我们会向该邮箱发送提醒。',
    en: 'Registration received. If the address was new, the account exists now and you can sign in; if it was already registered, its owner gets an e-mail.',
  },
  subAccountHint: {
    zh: '子账号可以登录查看备案信息，但不能办理备案。',
    en: 'Sub-accounts can sign in to view filings but cannot file.',
  },
  withProvider: { zh: '使用{name}账号登录', en: 'Sign in with {name} account' },
  withWeChat: { zh: '微信登录', en: 'Sign in with WeChat' },
  orWithEmail: { zh: '或使用邮箱和密码登录', en: 'or with e-mail and password' },
  staffSignIn: { zh: '工作人员登录（邮箱和密码）', en: 'Staff sign-in (e-mail and password)' },
  providerSubAccountHint: {
    zh: '{name}子账号不支持备案，请使用主账号登录。',
    en: '{name} sub-accounts cannot file; sign in with the main account.',
  },
});
