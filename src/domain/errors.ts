/**
 * The one error catalogue. Codes are stable strings that clients and docs rely on; the category decides the
 * HTTP status in exactly one place (src/http/error-handler.ts). Domain and use cases throw DomainError only.
 */
export type ErrorCategory =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'precondition'
  | 'unprocessable'
  | 'too_large'
  | 'unsupported_media'
  | 'rate_limited'
  | 'upstream'
  | 'internal';

export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: { category: 'invalid', zh: '提交的数据不符合要求', en: 'The submitted data is invalid' },
  AUTH_REQUIRED: { category: 'unauthenticated', zh: '请先登录', en: 'Please log in first' },
  AUTH_INVALID_CREDENTIALS: { category: 'unauthenticated', zh: '账号或密码错误', en: 'Wrong e-mail or password' },
  AUTH_TOO_MANY_ATTEMPTS: {
    category: 'rate_limited',
    zh: '尝试次数过多，请稍后再试',
    en: 'Too many attempts, try again later',
  },
  AUTH_EMAIL_TAKEN: { category: 'conflict', zh: '该邮箱已注册', en: 'This e-mail is already registered' },
  AUTH_WEAK_PASSWORD: {
    category: 'invalid',
    zh: '密码过弱（至少12位，且不能是常见密码）',
    en: 'Password too weak (12+ characters, not a common one)',
  },
  SECOND_FACTOR_REQUIRED: {
    category: 'forbidden',
    zh: '请先完成动态验证码（双因素）验证',
    en: 'Complete the authenticator (second factor) step first',
  },
  SECOND_FACTOR_INVALID_CODE: {
    category: 'unauthenticated',
    zh: '验证码错误或已使用',
    en: 'Wrong or already used code',
  },
  SECOND_FACTOR_LOCKED: {
    category: 'rate_limited',
    zh: '验证码错误次数过多，已暂时锁定',
    en: 'Too many wrong codes; temporarily locked',
  },
  SECOND_FACTOR_ALREADY_ENROLLED: {
    category: 'conflict',
    zh: '已绑定身份验证器',
    en: 'An authenticator is already set up',
  },
  SECOND_FACTOR_NOT_ENROLLED: {
    category: 'conflict',
    zh: '尚未绑定身份验证器',
    en: 'No authenticator is set up yet',
  },
  SIGN_IN_FAILED: {
    category: 'unauthenticated',
    zh: '第三方账号登录未成功，请重新登录',
    en: 'Signing in with that account did not succeed; please try again',
  },
  SIGN_IN_EXPIRED: {
    category: 'unauthenticated',
    zh: '登录请求已失效或已使用，请重新登录',
    en: 'This sign-in request has expired or was already used; please start again',
  },
  SIGN_IN_SUB_ACCOUNT_REFUSED: {
    category: 'forbidden',
    zh: '子账号不支持备案，请使用主账号登录',
    en: 'Sub-accounts cannot file; please sign in with the main account',
  },
  SIGN_IN_METHOD_DISABLED: {
    category: 'forbidden',
    zh: '该登录方式未开放，请使用其他方式登录',
    en: 'This sign-in method is not offered here; please use another one',
  },
  FORBIDDEN: { category: 'forbidden', zh: '无权执行此操作', en: 'You are not allowed to do this' },
  SUB_ACCOUNT_CANNOT_FILE: { category: 'forbidden', zh: '子账号不能办理备案', en: 'Sub-accounts cannot file' },
  SUB_ACCOUNT_READ_ONLY: {
    category: 'forbidden',
    zh: '子账号只能查看，不能执行此操作',
    en: 'Sub-accounts are read-only and cannot do this',
  },
  ACCOUNT_NOT_REAL_NAME_VERIFIED: {
    category: 'forbidden',
    zh: '账号未完成实名认证：请先在账号中心完成实名认证（个人或企业/单位认证），认证通过后再开始备案',
    en: 'The account is not real-name verified: complete the real-name verification (individual or unit) in the account centre first, then start the filing',
  },
  REAL_NAME_SUBJECT_MISMATCH: {
    category: 'forbidden',
    zh: '备案主体与账号实名认证信息不一致：请使用该主体实名认证的账号办理备案，或先将本账号的实名认证变更为该主体（个人核对姓名和证件号码，单位核对单位名称和统一社会信用代码）',
    en: "The filing subject does not match the account's real-name verification: file from the account that is real-name verified as this subject, or first change this account's real-name verification to it (individuals: name and ID number; units: unit name and unified social credit code)",
  },
  REAL_NAME_REGISTRY_UNAVAILABLE: {
    category: 'upstream',
    zh: '暂时无法查询账号的实名认证信息，请稍后重试',
    en: "The account's real-name verification cannot be checked right now; try again later",
  },
  RESOURCE_INVENTORY_UNAVAILABLE: {
    category: 'upstream',
    zh: '暂时无法查询云资源信息，请稍后重试',
    en: 'The cloud resource inventory cannot be reached right now; try again later',
  },
  NOT_FOUND: { category: 'not_found', zh: '未找到', en: 'Not found' },
  ORDER_NOT_FOUND: { category: 'not_found', zh: '备案订单不存在', en: 'Filing order not found' },
  ORDER_TRANSITION_NOT_ALLOWED: {
    category: 'conflict',
    zh: '当前状态下不能执行此操作',
    en: 'This action is not allowed in the current state',
  },
  ORDER_VERSION_CONFLICT: {
    category: 'conflict',
    zh: '订单已被他人更新，请刷新后重试',
    en: 'The order was changed by someone else; reload and retry',
  },
  ORDER_CLAIMED_BY_OTHER: {
    category: 'conflict',
    zh: '该订单正由其他审核员处理',
    en: 'Another reviewer is working on this order',
  },
  ORDER_NOT_CLAIMABLE: {
    category: 'conflict',
    zh: '该订单当前不在审核队列中，不能领取',
    en: 'The order is not waiting for review and cannot be claimed',
  },
  REVIEWER_CONFLICT_OF_INTEREST: {
    category: 'forbidden',
    zh: '不能审核本人账号的订单或本人修改过的订单',
    en: 'You may not review an order of your own account or one you edited',
  },
  ORDER_NOT_EDITABLE: {
    category: 'conflict',
    zh: '当前状态下不能修改备案信息',
    en: 'The order cannot be edited in its current state',
  },
  ORDER_ALREADY_OPEN: {
    category: 'conflict',
    zh: '该主体已有进行中的备案订单',
    en: 'The subject already has an open filing order',
  },
  ORDER_INCOMPLETE: {
    category: 'invalid',
    zh: '备案信息不完整或有误，不能提交',
    en: 'The order is incomplete or has errors and cannot be submitted',
  },
  TERMS_NOT_ACCEPTED: {
    category: 'invalid',
    zh: '请阅读并同意《信息安全管理协议》和《协助更改备案信息服务条款》',
    en: 'Accept both agreements first',
  },
  TYPE_SUBJECT_NUMBER_REQUIRED: {
    category: 'invalid',
    zh: '该域名已备案：请勾选“主体信息已经备案”并填写主体备案号',
    en: 'The domain is already filed: tick "subject already filed" and enter its subject number',
  },
  TYPE_DOMAIN_OWNED_BY_OTHER_SUBJECT: {
    category: 'conflict',
    zh: '该域名已在其他主体下备案，请先由当前主体注销或取消接入',
    en: 'The domain is filed under another subject; it must be cancelled there first',
  },
  TYPE_SUBJECT_NUMBER_UNKNOWN: {
    category: 'invalid',
    zh: '主体备案号不存在或已注销',
    en: 'The subject filing number does not exist or was cancelled',
  },
  TYPE_SUBJECT_ALREADY_HERE: {
    category: 'conflict',
    zh: '账号下已有备案主体，请使用新增网站或新增接入',
    en: 'This account already has a subject here; use add website or add access',
  },
  TYPE_NO_SUBJECT_HERE: {
    category: 'conflict',
    zh: '账号下没有已备案主体',
    en: 'This account has no filed subject here',
  },
  TYPE_DOMAIN_ALREADY_FILED: {
    category: 'conflict',
    zh: '该域名已有备案号，请选择新增接入',
    en: 'The domain already has a filing number; choose add access',
  },
  TYPE_DOMAIN_NOT_FILED: {
    category: 'conflict',
    zh: '该域名尚未备案，请选择新增网站',
    en: 'The domain has no filing number; choose add website',
  },
  TYPE_DOMAIN_ALREADY_HERE: {
    category: 'conflict',
    zh: '该域名已在本平台备案接入',
    en: 'The domain is already filed and hosted here',
  },
  WEBSITE_NOT_FOUND: { category: 'not_found', zh: '网站不存在', en: 'Website not found' },
  TOO_MANY_WEBSITES: {
    category: 'invalid',
    zh: '单次提交的网站数量超过上限',
    en: 'Too many websites in one submission',
  },
  AUTH_CODE_NOT_FOUND: { category: 'invalid', zh: '授权码不存在', en: 'Authorization code not found' },
  AUTH_CODE_IN_USE: { category: 'conflict', zh: '授权码已被使用', en: 'The authorization code is already used' },
  AUTH_CODE_INVALID: { category: 'conflict', zh: '授权码已失效', en: 'The authorization code is no longer valid' },
  AUTH_CODE_RESOURCE_GONE: {
    category: 'conflict',
    zh: '授权码对应的云服务器已释放或已到期，网站无法通过本平台接入。请续费该服务器，或在仍在使用的服务器上重新申请授权码后提交',
    en: 'The server behind this authorization code was released or has expired, so the website cannot be accessed here. Renew the server, or apply for a code on a running server and submit again',
  },
  AUTH_CODE_NOT_ELIGIBLE: {
    category: 'invalid',
    zh: '该资源不满足申请授权码的条件（包年包月且剩余有效期超过3个月并绑定公网IP）',
    en: 'The resource is not eligible (prepaid, more than 3 months left, public IP bound)',
  },
  AUTH_CODE_LIMIT_REACHED: {
    category: 'conflict',
    zh: '该公网IP的授权码已达5个上限',
    en: 'This public IP already has 5 authorization codes',
  },
  MATERIAL_TOO_LARGE: { category: 'too_large', zh: '文件过大', en: 'The file is too large' },
  BODY_TOO_LARGE: { category: 'too_large', zh: '请求内容过大', en: 'The request body is too large' },
  MATERIAL_TYPE_NOT_ALLOWED: {
    category: 'unsupported_media',
    zh: '文件类型不支持，请上传 JPG 或 PNG 图片',
    en: 'Unsupported file type; upload a JPG or PNG image',
  },
  MATERIAL_IMAGE_INVALID: {
    category: 'invalid',
    zh: '图片无法解析或尺寸超限',
    en: 'The image cannot be decoded or is too large',
  },
  MATERIAL_EXPIRES_TOO_SOON: {
    category: 'invalid',
    zh: '证件有效期须超过3个月',
    en: 'The certificate must be valid for more than 3 months',
  },
  VERIFY_LINK_INVALID: {
    category: 'not_found',
    zh: '核验链接无效，请在电脑上重新生成二维码或短信链接',
    en: 'This verification link is not valid; create a new QR code or SMS link on the computer',
  },
  VERIFY_LINK_EXPIRED: {
    category: 'conflict',
    zh: '核验链接已过期，请在电脑上刷新二维码或重新发送短信链接',
    en: 'This verification link has expired; refresh the QR code or send a new SMS link on the computer',
  },
  VERIFY_LINK_USED: {
    category: 'conflict',
    zh: '该核验链接已使用过，照片已上传',
    en: 'This verification link has already been used; the photo was uploaded',
  },
  VERIFY_NOT_NEEDED: {
    category: 'conflict',
    zh: '当前订单状态无需上传核验照片',
    en: 'The order does not take a verification photo in its current state',
  },
  SMS_CODE_INVALID: { category: 'invalid', zh: '验证码错误', en: 'Wrong verification code' },
  SMS_ID_MISMATCH: {
    category: 'invalid',
    zh: '证件号码后6位不正确',
    en: 'The last 6 characters of the ID do not match',
  },
  SMS_RESEND_LIMIT: { category: 'conflict', zh: '重发次数已达上限', en: 'Resend limit reached' },
  SMS_NOT_PENDING: {
    category: 'conflict',
    zh: '没有待核验的短信',
    en: 'No SMS verification is pending for this mobile',
  },
  CALLBACK_SIGNATURE_INVALID: {
    category: 'forbidden',
    zh: '回调签名无效或已过期',
    en: 'The callback signature is invalid or outside the replay window',
  },
  REGULATOR_UNAVAILABLE: { category: 'upstream', zh: '管局系统暂不可用', en: 'The regulator system is unavailable' },
  IDEMPOTENCY_KEY_REUSED: {
    category: 'unprocessable',
    zh: '幂等键已用于不同的请求',
    en: 'The idempotency key was used with a different request',
  },
  IDEMPOTENCY_IN_PROGRESS: {
    category: 'conflict',
    zh: '相同请求正在处理中',
    en: 'The same request is still being processed',
  },
  API_KEY_INVALID: {
    category: 'unauthenticated',
    zh: 'API 密钥无效、已吊销或已过期',
    en: 'The API key is invalid, revoked or expired',
  },
  API_KEY_SCOPE_MISSING: {
    category: 'forbidden',
    zh: '该 API 密钥没有此操作所需的权限范围',
    en: 'The API key lacks the scope this operation needs',
  },
  WEBHOOK_TARGET_NOT_ALLOWED: {
    category: 'invalid',
    zh: '不允许的 Webhook 地址（生产环境须为 HTTPS 公网地址）',
    en: 'This webhook URL is not allowed (production needs a public HTTPS address)',
  },
  RATE_LIMITED: { category: 'rate_limited', zh: '请求过于频繁', en: 'Too many requests' },
  INTERNAL: { category: 'internal', zh: '系统错误', en: 'Internal error' },
} as const satisfies Record<string, { category: ErrorCategory; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, options: { message?: string; details?: unknown } = {}) {
    super(options.message ?? ERROR_CATALOGUE[code].en);
    this.name = 'DomainError';
    this.code = code;
    this.details = options.details;
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
