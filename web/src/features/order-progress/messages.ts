import { defineMessages } from '../../i18n/message.ts';

export { fieldLabel } from './field-labels.ts';

/** Texts of the order page after submission (progress, rejection, MIIT SMS, result). */
export const m = defineMessages({
  pageTitle: { zh: '备案进度', en: 'Filing progress' },
  backToHistory: { zh: '返回备案记录', en: 'Back to filing history' },
  orderNo: { zh: '申请编号', en: 'Order no.' },
  filingType: { zh: '备案类型', en: 'Filing type' },
  typeWithCode: { zh: '{name}（{code}）', en: '{name} ({code})' },
  domains: { zh: '网站域名', en: 'Domains' },
  submittedAt: { zh: '首次提交时间', en: 'First submitted' },
  lastSubmittedAt: { zh: '最近提交时间', en: 'Last submitted' },
  createdAt: { zh: '创建时间', en: 'Created' },
  province: { zh: '审核管局', en: 'Administration' },
  notFound: {
    zh: '未找到该备案申请，可能已被删除或不属于当前账号。',
    en: 'This filing was not found, or it belongs to another account.',
  },
  autoRefresh: { zh: '本页会自动刷新进度', en: 'This page refreshes itself' },

  // stages
  stepsLabel: { zh: '备案流程', en: 'Filing stages' },
  stageSubmit: { zh: '提交申请', en: 'Submitted' },
  stageProvider: { zh: '接入商初审', en: 'Provider review' },
  stageAuthenticity: { zh: '真实性核验', en: 'Authenticity check' },
  stageSms: { zh: '工信部短信核验', en: 'MIIT SMS check' },
  stageAdmin: { zh: '管局审核', en: 'Administration review' },
  stageResult: { zh: '备案结果', en: 'Result' },
  currentStage: { zh: '当前进度', en: 'Current stage' },
  expected: { zh: '预计时长', en: 'Expected time' },
  workingDaysRange: { zh: '{min}–{max} 个工作日', en: '{min}–{max} working days' },
  workingDaysUpTo: { zh: '最长 {days} 个工作日', en: 'up to {days} working days' },
  oneWorkingDay: { zh: '1 个工作日内', en: 'within 1 working day' },

  draftTitle: { zh: '备案申请尚未提交', en: 'Not submitted yet' },
  draftText: {
    zh: '请继续填写备案信息，确认无误后提交。草稿会自动保存。',
    en: 'Continue filling in the filing and submit it when it is complete. Drafts are saved automatically.',
  },
  continueFilling: { zh: '继续填写', en: 'Continue filling in' },
  providerTitle: { zh: '接入商初审中', en: 'Under provider review' },
  providerText: {
    zh: '接入商正在审核您提交的备案信息和资料。审核期间信息不可修改；如需补充，审核员会电话联系您，请保持手机畅通。',
    en: 'Your provider is reviewing the data and materials you submitted. They cannot be edited meanwhile; if anything is missing, a reviewer will phone you.',
  },
  authenticityPendingTitle: { zh: '待真实性核验', en: 'Authenticity verification needed' },
  authenticityPendingText: {
    zh: '初审已通过。请网站负责人本人完成真实性核验（拍照或视频核验），提交后由接入商审核。',
    en: 'The provider review passed. The website responsible person must now complete the authenticity check (photo or video); the provider then reviews it.',
  },
  doVerification: { zh: '去完成核验', en: 'Complete the check' },
  authenticityReviewTitle: { zh: '核验资料审核中', en: 'Verification under review' },
  authenticityReviewText: {
    zh: '核验照片或视频已提交，接入商正在审核，通过后将在 1 个工作日内提交至工信部和管局。',
    en: 'The photo or video was handed in and is being reviewed; once it passes, the provider forwards the filing to MIIT within 1 working day.',
  },
  submittingTitle: { zh: '正在提交工信部/管局', en: 'Being forwarded to MIIT' },
  submittingText: {
    zh: '接入商审核已通过，正在提交至工信部。提交后约 5–10 分钟，工信部会向负责人手机发送核验短信（发送号码 12381），请留意查收。',
    en: 'The provider approved the filing and is forwarding it to MIIT. About 5–10 minutes later MIIT texts the responsible persons a verification code (sender 12381).',
  },
  smsTitle: { zh: '待工信部短信核验', en: 'Waiting for MIIT SMS verification' },
  returnedTitle: { zh: '工信部已退回', en: 'Returned by MIIT' },
  returnedText: {
    zh: '短信未在 24 小时内完成核验，或证件号码输入错误次数过多，备案申请已被退回。请核对信息后重新提交，提交后将重新发送核验短信。',
    en: 'The SMS was not verified within 24 hours, or the certificate number was entered wrongly too often, so the filing was returned. Check the data and resubmit; new codes will be sent.',
  },
  adminTitle: { zh: '管局审核中', en: 'Under administration review' },
  adminText: {
    zh: '短信核验已完成，备案信息已提交{province}管局审核。审核结果将通过短信和邮件通知您。',
    en: 'SMS verification is complete and the filing is with the {province} administration. You will be told the result by SMS and e-mail.',
  },
  adminRejectedTitle: { zh: '管局审核未通过', en: 'Rejected by the administration' },
  providerRejectedTitle: { zh: '初审未通过', en: 'Rejected in provider review' },
  authenticityRejectedTitle: { zh: '真实性核验未通过', en: 'Authenticity check rejected' },
  rejectedText: {
    zh: '请按下列原因修改对应信息后，点击“修改信息提交”重新提交。只有被驳回的信息可以修改。',
    en: 'Correct the fields named below, then resubmit. Only the rejected fields can be edited.',
  },
  approvedTitle: { zh: '备案成功', en: 'Filing approved' },
  approvedText: {
    zh: '管局审核通过，备案号已下发。请在网站首页底部中间展示备案号，并链接至 https://beian.miit.gov.cn/ 。网站开通后 30 日内请办理公安备案。',
    en: 'The administration approved the filing and issued the numbers. Show the number at the bottom centre of your home page, linked to https://beian.miit.gov.cn/. File with the public security bureau within 30 days of going live.',
  },
  approvedInterception: {
    zh: '备案成功后，访问拦截最长可能持续 6 小时。',
    en: 'Access may still be intercepted for up to 6 hours after approval.',
  },
  completedTitle: { zh: '已完成', en: 'Completed' },
  completedText: {
    zh: '注销或取消接入已完成，相关备案信息已更新。',
    en: 'The cancellation or access removal is complete and the records were updated.',
  },
  abandonedTitle: { zh: '已放弃备案', en: 'Filing abandoned' },
  abandonedText: {
    zh: '本次备案申请已放弃，占用的授权码已释放，可重新开始备案。',
    en: 'This filing was abandoned; its authorization codes were released and you can start again.',
  },
  subjectNumber: { zh: '主体备案号', en: 'Subject filing number' },
  websiteNumber: { zh: '网站备案号', en: 'Website filing number' },
  goToRecords: { zh: '查看备案管理', en: 'Go to my filings' },

  // rejection
  rejectionReasons: { zh: '驳回原因', en: 'Reasons' },
  rejectedAt: { zh: '驳回时间', en: 'Rejected on' },
  stageProviderRejection: { zh: '接入商初审驳回', en: 'Provider review' },
  stageAuthenticityRejection: { zh: '真实性核验驳回', en: 'Authenticity check' },
  stageAdminRejection: { zh: '管局驳回', en: 'Administration' },
  stageMiitReturn: { zh: '工信部退回', en: 'MIIT return' },
  suggestion: { zh: '修改建议', en: 'Suggestion' },
  editInfo: { zh: '修改信息', en: 'Edit the information' },
  earlierRejections: { zh: '历史驳回记录（{count}）', en: 'Earlier rejections ({count})' },

  // SMS
  smsIntro: {
    zh: '工信部已向以下手机号发送 6 位验证码（发送号码 12381 或 106…12381）。每位负责人须在截止时间前登录工信部备案系统，填写手机号、验证码和本人证件号码后 6 位完成核验。',
    en: 'MIIT texted a 6-digit code to the mobiles below (sender 12381 or 106…12381). Each person must verify on MIIT’s filing system before the deadline with the mobile, the code and the last 6 characters of their ID.',
  },
  smsCountdown: { zh: '核验剩余时间', en: 'Time left to verify' },
  smsDeadline: { zh: '截止时间：{time}', en: 'Deadline: {time}' },
  smsDeadlinePassed: { zh: '已超过核验截止时间', en: 'The deadline has passed' },
  smsWarning: {
    zh: '任一手机号未在 24 小时内完成核验，备案申请将被工信部退回，需要重新提交。',
    en: 'If any mobile is not verified within 24 hours, MIIT returns the filing and it must be resubmitted.',
  },
  smsPersons: { zh: '需核验的手机号', en: 'Mobiles to verify' },
  smsWho: { zh: '核验人', en: 'Who' },
  smsMobile: { zh: '手机号码', en: 'Mobile' },
  smsState: { zh: '核验状态', en: 'Status' },
  smsResendsLeft: { zh: '剩余重发次数', en: 'Resends left' },
  smsWrongAttempts: { zh: '证件号码错误次数', en: 'Wrong ID entries' },
  smsStateCodeSent: { zh: '待核验', en: 'Waiting' },
  smsStateVerified: { zh: '已核验', en: 'Verified' },
  smsStateFailed: { zh: '核验失败', en: 'Failed' },
  smsStateExpired: { zh: '已失效', en: 'Expired' },
  roleSubject: { zh: '主体负责人', en: 'Subject responsible person' },
  roleWebsite: { zh: '网站{n}负责人', en: 'Website {n} responsible person' },
  goVerify: { zh: '前往工信部短信核验', en: 'Verify on MIIT’s site' },
  opensNewWindow: { zh: '（在新窗口打开）', en: '(opens in a new window)' },
  simulatedNote: {
    zh: '开发环境：短信核验页面由备案管理系统模拟器代替 beian.miit.gov.cn。',
    en: 'Development: the regulator simulator stands in for beian.miit.gov.cn.',
  },
  smsResendHelp: {
    zh: '没收到短信？请在工信部短信核验页面填写手机号和证件号码后 6 位，点击“重新发送”，约 5–10 分钟送达，最多重发 {resends} 次。证件号码连续输错 {wrong} 次将核验失败。验证码只发送到负责人的手机号码，不会发送到应急联系电话。',
    en: 'No SMS? On MIIT’s verification page enter the mobile and the last 6 ID characters and press resend; it arrives in 5–10 minutes, at most {resends} times. {wrong} wrong ID entries fail the verification. Codes go only to the responsible person’s mobile, never to the emergency phone.',
  },
  smsOthersPending: {
    zh: '已核验的负责人会看到“请等待其他核验人核验”，请提醒其他负责人尽快核验。',
    en: 'A person who has verified sees “wait for the other verifiers”: remind the others to verify soon.',
  },

  // timeline
  timelineTitle: { zh: '办理记录', en: 'History' },
  timelineEmpty: { zh: '暂无办理记录', en: 'No steps recorded yet' },
  timelineActor: { zh: '操作方：{actor}', en: 'By: {actor}' },
  timelineState: { zh: '状态：{state}', en: 'Status: {state}' },

  // actions
  abandon: { zh: '放弃备案', en: 'Abandon the filing' },
  abandonTitle: { zh: '确定放弃本次备案吗？', en: 'Abandon this filing?' },
  abandonText: {
    zh: '放弃后本次申请将关闭且无法恢复，占用的授权码会被释放。如需备案，需要重新开始。',
    en: 'The filing will be closed for good and its authorization codes released. To file later you start again.',
  },
  abandonConfirm: { zh: '确定放弃', en: 'Abandon' },
});
