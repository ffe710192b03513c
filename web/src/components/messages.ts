import { defineMessages } from '../i18n/message.ts';

/** Texts shared across pages. */
export const common = defineMessages({
  appName: { zh: 'ICP备案', en: 'ICP Filing' },
  loading: { zh: '加载中…', en: 'Loading…' },
  retry: { zh: '重试', en: 'Retry' },
  loadFailed: { zh: '加载失败', en: 'Could not load' },
  empty: { zh: '暂无数据', en: 'Nothing here yet' },
  save: { zh: '保存', en: 'Save' },
  cancel: { zh: '取消', en: 'Cancel' },
  confirm: { zh: '确定', en: 'Confirm' },
  back: { zh: '返回', en: 'Back' },
  next: { zh: '下一步', en: 'Next' },
  previous: { zh: '上一步', en: 'Previous' },
  edit: { zh: '编辑', en: 'Edit' },
  copy: { zh: '复制', en: 'Copy' },
  copied: { zh: '已复制', en: 'Copied' },
  close: { zh: '关闭', en: 'Close' },
  language: { zh: '语言', en: 'Language' },
  switchToEnglish: { zh: 'English', en: 'English' },
  switchToChinese: { zh: '中文', en: '中文' },
  navHome: { zh: '备案首页', en: 'Home' },
  navRecords: { zh: '备案管理', en: 'My filings' },
  navCodes: { zh: '授权码', en: 'Authorization codes' },
  navInbox: { zh: '消息', en: 'Messages' },
  navLookup: { zh: '备案查询', en: 'Public lookup' },
  signOut: { zh: '退出登录', en: 'Sign out' },
  signIn: { zh: '登录', en: 'Sign in' },
  signUp: { zh: '注册', en: 'Sign up' },
  mainNav: { zh: '主导航', en: 'Main navigation' },
  sessionExpired: {
    zh: '登录已过期，请重新登录。已保存的草稿不会丢失。',
    en: 'Your session has ended. Sign in again; saved drafts are kept.',
  },
  subAccountNotice: {
    zh: '您使用的是子账号：可以查看备案信息，但不能办理备案（子账号不支持备案）。',
    en: 'You are signed in with a sub-account: you can view the filings but cannot file (sub-accounts cannot file).',
  },
  footer: {
    zh: '本系统由接入商提供，用于向工业和信息化部提交ICP备案。',
    en: 'Provided by your hosting provider to file ICP records with MIIT.',
  },
});
