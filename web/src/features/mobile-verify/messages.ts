import { defineMessages } from '../../i18n/message.ts';

/** Texts of the phone page of authenticity verification. */
export const mv = defineMessages({
  title: { zh: '网站负责人拍照核验', en: 'Photo verification of the website responsible person' },
  noToken: {
    zh: '链接不完整。请在电脑上重新生成二维码，或使用短信中的完整链接。',
    en: 'The link is incomplete. Create a new QR code on the computer, or use the full link from the text message.',
  },
  order: { zh: '备案订单', en: 'Filing order' },
  website: { zh: '网站', en: 'Website' },
  person: { zh: '网站负责人', en: 'Website responsible person' },
  expiresIn: { zh: '链接有效期剩余', en: 'Link valid for' },
  expiredNow: {
    zh: '链接已过期，请在电脑上刷新二维码',
    en: 'The link has expired; refresh the QR code on the computer',
  },
  rulesTitle: { zh: '拍照要求', en: 'Photo rules' },
  rule1: { zh: '必须是网站负责人本人', en: 'It must be the website responsible person in person' },
  rule2: {
    zh: '站在服务商蓝色幕布正中间，拍上半身，正对镜头',
    en: 'Stand in the middle of the provider’s blue curtain; upper body, facing the camera',
  },
  rule3: { zh: '不戴帽子、口罩或墨镜，面部无遮挡', en: 'No hat, mask or sunglasses; face uncovered' },
  rule4: {
    zh: '光线均匀，不要过暗或过曝；避免穿红色或蓝色上衣',
    en: 'Even light, not too dark or overexposed; avoid red or blue tops',
  },
  rule5: { zh: '{formats} 格式，不超过 {max}', en: '{formats}, at most {max}' },
  takePhoto: { zh: '拍照', en: 'Take the photo' },
  pickFile: { zh: '从相册或文件选择', en: 'Choose a file' },
  checking: { zh: '正在检查照片…', en: 'Checking the photo…' },
  preview: { zh: '所拍照片预览', en: 'Preview of the photo' },
  checksTitle: {
    zh: '上传前检查（仅为预检，最终以审核人员判断为准）',
    en: 'Pre-check before upload (the reviewer decides)',
  },
  sizeOk: { zh: '文件大小 {size}，符合要求', en: 'File size {size}: fine' },
  tooLarge: {
    zh: '文件过大（{size}），上限 {max}，请降低相机分辨率后重拍',
    en: 'File too large ({size}), limit {max}; lower the camera resolution and retake',
  },
  wrongType: {
    zh: '文件类型不支持，请上传 JPG、PNG 或 WebP 图片',
    en: 'Unsupported file type; upload a JPG, PNG or WebP image',
  },
  empty: { zh: '文件为空，请重新拍摄', en: 'The file is empty; take the photo again' },
  decodeFailed: { zh: '无法读取这张图片，请重新拍摄', en: 'This image cannot be read; take it again' },
  brightOk: { zh: '亮度适中', en: 'Brightness is fine' },
  tooDark: { zh: '照片过暗，请到光线更好的地方重拍', en: 'Too dark; retake it in better light' },
  tooBright: { zh: '照片过亮（过曝），请避开强光重拍', en: 'Too bright (overexposed); avoid strong light and retake' },
  faceOk: { zh: '画面中部检测到人像区域', en: 'A face-sized region is in the middle of the picture' },
  noFace: {
    zh: '画面中部未检测到人脸大小的区域，请正对镜头、站在画面中间',
    en: 'No face-sized region found in the middle; face the camera and stand in the centre',
  },
  upload: { zh: '上传照片', en: 'Upload the photo' },
  uploadAnyway: { zh: '仍然上传', en: 'Upload anyway' },
  retake: { zh: '重新拍摄', en: 'Retake' },
  uploading: { zh: '正在上传 {percent}%', en: 'Uploading {percent}%' },
  progressLabel: { zh: '照片上传进度', en: 'Photo upload progress' },
  failed: { zh: '上传失败', en: 'Upload failed' },
  doneTitle: { zh: '照片已上传', en: 'Photo uploaded' },
  doneText: {
    zh: '照片已上传，服务器已重新编码并去除了照片中的 EXIF 等元数据（含位置信息）。电脑上的备案页面会自动更新，您可以关闭本页面。',
    en: 'The photo is uploaded; the server re-encoded it and removed EXIF and other metadata (including location). The page on the computer updates by itself; you can close this page.',
  },
  privacy: {
    zh: '本页面无需登录。照片仅用于本次备案的真实性核验，加密存储。',
    en: 'No sign-in needed. The photo is used only to verify this filing and is stored encrypted.',
  },
});
