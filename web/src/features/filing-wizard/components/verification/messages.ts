import { defineMessages } from '../../../../i18n/message.ts';

/** Texts of the authenticity verification step (desktop). */
export const vt = defineMessages({
  title: { zh: '真实性核验', en: 'Authenticity verification' },
  introBefore: {
    zh: '提交备案前，需要每个网站的网站负责人本人拍摄核验照片。可用手机扫码拍照，也可以在电脑上直接上传幕布照片。',
    en: 'Before you submit, each website’s responsible person must take a verification photo in person: scan the QR code with a phone, or upload the curtain photo here.',
  },
  introAfter: {
    zh: '初审已通过。请网站负责人本人完成拍照核验，照片上传后点击“提交核验”，审核通过后将提交管局。',
    en: 'The provider review passed. The website responsible person takes the verification photo in person; then press “Hand in for review”. After approval the filing goes to the administration.',
  },
  rejected: {
    zh: '核验照片未通过，请按原因重新拍摄上传：',
    en: 'The photo was not accepted; take a new one. Reasons:',
  },
  websiteCard: { zh: '网站{n}：{domain}', en: 'Website {n}: {domain}' },
  person: { zh: '网站负责人：{name}', en: 'Website responsible person: {name}' },
  done: { zh: '已收到核验照片', en: 'Verification photo received' },
  waiting: { zh: '等待拍照', en: 'Waiting for the photo' },
  openedOnPhone: { zh: '已在手机上打开，等待上传…', en: 'Opened on the phone, waiting for the upload…' },
  showQr: { zh: '生成手机拍照二维码', en: 'Show the QR code for the phone' },
  qrCaption: {
    zh: '请网站负责人用手机相机扫描二维码，在手机上拍照上传。二维码 {minutes} 分钟内有效，仅可使用一次。',
    en: 'The website responsible person scans this with the phone’s camera and takes the photo there. Valid for {minutes} minutes, single use.',
  },
  qrAlt: { zh: '网站{n}的手机核验二维码', en: 'QR code for the phone verification of website {n}' },
  expiresIn: { zh: '剩余 {time}', en: '{time} left' },
  expired: { zh: '二维码已过期，点击刷新', en: 'The QR code has expired; refresh it' },
  refresh: { zh: '刷新二维码', en: 'Refresh the QR code' },
  linkText: { zh: '无法扫码？在手机浏览器中打开此链接：', en: 'Cannot scan? Open this link in the phone’s browser:' },
  sendSms: { zh: '发送短信链接到 {mobile}', en: 'Text the link to {mobile}' },
  sendSmsNoMobile: { zh: '发送短信链接', en: 'Text the link' },
  smsSent: {
    zh: '短信已发送至 {mobile}，链接 {minutes} 分钟内有效',
    en: 'Text sent to {mobile}; the link is valid for {minutes} minutes',
  },
  smsRateLimited: {
    zh: '发送过于频繁（每个手机号每分钟最多1条），请稍后再试，或使用二维码',
    en: 'Too many texts to this phone (at most one a minute); try later or use the QR code',
  },
  smsNoPhone: {
    zh: '未填写网站负责人手机号，请使用二维码',
    en: 'No mobile for the website responsible person; use the QR code',
  },
  smsFailed: {
    zh: '短信发送失败，请稍后再试或使用二维码',
    en: 'The text could not be sent; try later or use the QR code',
  },
  orUploadHere: { zh: '或在电脑上上传幕布照片', en: 'Or upload the curtain photo from this computer' },
  curtainLabel: { zh: '幕布照片', en: 'Curtain photo' },
  curtainReason: {
    zh: '网站负责人本人在服务商幕布前拍摄的照片，用于核验备案信息的真实性',
    en: 'A photo of the website responsible person in front of the provider’s curtain, to verify the filing is genuine',
  },
  curtainTitle: { zh: '拍照要求（幕布照片）', en: 'Photo rules (curtain photo)' },
  curtainRule1: {
    zh: '被拍摄人必须是网站负责人本人',
    en: 'The person in the photo must be the website responsible person',
  },
  curtainRule2: {
    zh: '站在幕布正中间，只拍上半身，正面免冠、不遮挡面部',
    en: 'Stand in the middle of the curtain; upper body only, face uncovered, facing the camera',
  },
  curtainRule3: {
    zh: '背景须全部为服务商的蓝色幕布，幕布文字清晰可见',
    en: 'The whole background is the provider’s blue curtain with its text readable',
  },
  curtainRule4: {
    zh: '着装与季节相符（冬季不穿短袖），避免穿红色或蓝色上衣',
    en: 'Dress for the season (no short sleeves in winter); avoid red or blue tops',
  },
  curtainRule5: { zh: '光线均匀，不要过暗或过曝', en: 'Even light, neither too dark nor overexposed' },
  noCurtainTitle: { zh: '还没有幕布？', en: 'No curtain yet?' },
  noCurtain: {
    zh: '幕布由服务商免费邮寄（仅限中国大陆地址）。本平台暂未提供在线申请幕布，请通过工单或客服提交收件地址申请；已有本服务商幕布的可直接拍照上传。',
    en: 'The provider mails the curtain free of charge (mainland China addresses only). This portal cannot request one online yet: send your address through a support ticket or customer service. If you already have the provider’s curtain, take the photo now.',
  },
  sampleAlt: {
    zh: '幕布照片示例：上半身位于蓝色幕布正中',
    en: 'Sample curtain photo: upper body in the middle of the blue curtain',
  },
  submit: { zh: '提交核验', en: 'Hand in for review' },
  submitHint: {
    zh: '所有网站的核验照片都已上传，可以提交审核。',
    en: 'Every website has its photo; you can hand them in.',
  },
  submitted: { zh: '已提交核验，等待审核', en: 'Handed in; awaiting review' },
  allDoneBefore: {
    zh: '所有网站的核验照片都已上传，可以继续下一步。',
    en: 'Every website has its photo; you can go on to the next step.',
  },
  live: { zh: '页面每 {seconds} 秒自动刷新核验状态', en: 'The status refreshes every {seconds} seconds' },
  notNeeded: { zh: '本次备案无需真实性核验', en: 'This filing needs no authenticity verification' },
  issueFailed: { zh: '无法生成核验链接', en: 'Could not create the verification link' },
});
