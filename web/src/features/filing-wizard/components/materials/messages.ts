import { defineMessages } from '../../../../i18n/message.ts';

/** Texts of the 上传资料 step. */
export const mt = defineMessages({
  title: { zh: '上传资料', en: 'Upload materials' },
  intro: {
    zh: '以下是本次备案需要的全部资料，按您填写的信息和所在省份的管局要求生成。每项资料请按示例图和要求上传。',
    en: 'These are all the materials this filing needs, worked out from your data and the rules of your province. Upload each as the sample and its rules show.',
  },
  progress: { zh: '已上传 {done}/{total} 项', en: '{done} of {total} uploaded' },
  allDone: { zh: '所需资料已全部上传', en: 'Every required material is uploaded' },
  noneRequired: { zh: '本次备案无需上传资料', en: 'This filing needs no materials' },
  websiteN: { zh: '网站{n}', en: 'Website {n}' },
  why: { zh: '为什么需要：', en: 'Why: ' },
  sample: { zh: '示例图', en: 'Sample' },
  sampleAlt: { zh: '{label}示例图', en: 'Sample of the {label}' },
  rulesTitle: { zh: '上传要求', en: 'Requirements' },
  statusUploaded: { zh: '已上传', en: 'Uploaded' },
  statusMissing: { zh: '待上传', en: 'To upload' },
  choose: { zh: '选择图片上传', en: 'Choose an image' },
  replace: { zh: '重新上传', en: 'Replace' },
  uploadNow: { zh: '上传', en: 'Upload' },
  cancelUpload: { zh: '取消', en: 'Cancel' },
  uploading: { zh: '正在上传 {percent}%', en: 'Uploading {percent}%' },
  uploadProgressLabel: { zh: '{label}上传进度', en: 'Upload progress of the {label}' },
  uploadedAt: { zh: '已于 {at} 上传，{size}，{type}', en: 'Uploaded {at}, {size}, {type}' },
  serverDid: {
    zh: '服务器已检查文件内容，并从像素重新编码保存（{type}），EXIF 等元数据（拍摄时间、设备、位置等）已全部去除；文件加密存储，仅您和审核人员可查看。',
    en: 'The server checked the file content and re-encoded it from its pixels ({type}); EXIF and all other metadata (time, device, location) were removed. It is stored encrypted; only you and the reviewers can see it.',
  },
  selectedPreview: { zh: '待上传图片预览：{name}', en: 'Preview of the chosen image: {name}' },
  storedPreview: { zh: '已上传的{label}', en: 'Uploaded {label}' },
  previewFailed: { zh: '预览加载失败', en: 'Preview could not be loaded' },
  validUntil: { zh: '证件有效期至', en: 'Valid until' },
  longTerm: { zh: '长期有效', en: 'No expiry (long term)' },
  validUntilRequired: { zh: '请先填写证件有效期', en: 'Enter the certificate’s expiry date first' },
  validUntilTooSoon: {
    zh: '证件有效期须超过3个月（晚于 {date}），请更换有效期更长的证件',
    en: 'The certificate must be valid for more than 3 months (after {date}); use one that is valid longer',
  },
  validUntilOk: { zh: '有效期符合要求（超过3个月）', en: 'Validity is fine (more than 3 months)' },
  waitingForDate: {
    zh: '已选择图片，填写有效期后点击“上传”',
    en: 'Image chosen; enter the expiry date, then press Upload',
  },
  fileTooLarge: { zh: '文件过大：{size}，上限为 {max}', en: 'File too large: {size}, the limit is {max}' },
  fileTypeNotAllowed: {
    zh: '文件类型不支持（{type}），请上传 JPG、PNG 或 WebP 图片',
    en: 'Unsupported file type ({type}); upload a JPG, PNG or WebP image',
  },
  uploadFailed: { zh: '上传失败', en: 'Upload failed' },
  uploadDone: { zh: '{label}已上传', en: '{label} uploaded' },
  domainCertHint: {
    zh: '域名证书需要联系您的域名注册商获取',
    en: 'Get the domain certificate from your domain registrar',
  },
  templateHint: {
    zh: '请使用服务商提供的模板，打印后按示例填写并签字（单位需加盖公章），再拍照或扫描上传。',
    en: 'Use the provider’s template: print it, fill it in as the sample shows, sign it (units also stamp the official seal), then photograph or scan it.',
  },
  removeNote: {
    zh: '上传新图片会替换原图片；上传错的资料可以删除后重新上传。',
    en: 'A new upload replaces the old image; a wrong one can be removed and uploaded again.',
  },
  remove: { zh: '删除', en: 'Remove' },
  removeConfirm: {
    zh: '删除这份资料？如仍为必需资料，需重新上传后才能提交。',
    en: 'Remove this material? If it is still required, upload it again before submitting.',
  },
  removeConfirmOk: { zh: '删除', en: 'Remove' },
  removed: { zh: '已删除：{label}', en: 'Removed: {label}' },
  removeFailed: { zh: '删除失败：{reason}', en: 'Could not remove it: {reason}' },
  notNeededTitle: { zh: '不再需要的资料（{n}）', en: 'Materials no longer needed ({n})' },
  notNeededHint: {
    zh: '这些资料不在本次备案所需之列（例如修改了主体性质或网站数量），提交时会一并交给审核。不需要的请删除。',
    en: 'These are not among the materials this filing needs (the subject type or the websites changed, say); they would go to the review with the rest. Remove the ones you do not need.',
  },
  uploadedList: { zh: '已上传资料', en: 'Uploaded materials' },
  nothingUploaded: { zh: '尚未上传资料', en: 'No materials uploaded yet' },
  openPage: { zh: '返回订单', en: 'Back to the order' },
  pageTitle: { zh: '上传资料', en: 'Upload materials' },
  notEditable: {
    zh: '当前状态（{state}）不能修改资料，以下为已上传的资料。',
    en: 'Materials cannot be changed in the current state ({state}); these are the uploaded ones.',
  },
  // Rules
  ruleColour: {
    zh: '彩色原件拍照或扫描，不接受黑白复印件',
    en: 'Colour photo or scan of the original; no black-and-white copies',
  },
  ruleCorners: { zh: '证件四角完整，文字清晰可辨', en: 'All four corners visible, text clearly legible' },
  ruleGlare: { zh: '无反光、无遮挡、无水印涂改', en: 'No glare, nothing covering it, no watermarks or edits' },
  ruleNoReshoot: { zh: '不得翻拍屏幕或复印件', en: 'Not re-shot from a screen or a copy' },
  ruleValidity: { zh: '证件有效期须超过3个月', en: 'Valid for more than 3 more months' },
  ruleBothSides: {
    zh: '身份证正反面需同时提供：请将正面（人像面）和反面（国徽面）拍在同一张图片中',
    en: 'Both sides of the ID card: put the front (photo side) and back (emblem side) in one image',
  },
  ruleLatestLicence: {
    zh: '最新有效的证件；营业执照可使用正本或副本',
    en: 'The latest valid certificate; the original or duplicate licence',
  },
  ruleSignature: {
    zh: '负责人用黑色签字笔签字，单位主体需加盖公章',
    en: 'Signed in black ink by the responsible person; units also stamp the official seal',
  },
  ruleFormat: {
    zh: 'JPG、PNG 或 WebP 格式，不超过 {max}，分辨率不超过 {mp} 百万像素',
    en: 'JPG, PNG or WebP, at most {max} and {mp} megapixels',
  },
});
