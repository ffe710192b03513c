/**
 * Error catalogue of the simulator. Codes are stable strings that testers, the platform and the HTTP plugin
 * rely on; `status` is the HTTP mapping, applied only in http/routes.ts.
 */
export const SIM_ERRORS = {
  SMS_CODE_INVALID: { status: 400, message: '验证码错误，请核对短信中的6位验证码' },
  SMS_ID_MISMATCH: { status: 400, message: '证件号码后6位不正确' },
  SMS_VERIFICATION_FAILED: { status: 409, message: '证件号码输入错误次数过多，短信核验失败，备案申请已退回' },
  SMS_RESEND_LIMIT: { status: 409, message: '重发次数已达上限（最多2次），本次未发送短信' },
  SMS_NOT_PENDING: { status: 409, message: '该手机号没有待核验的备案短信' },
  SMS_CODE_EXPIRED: { status: 409, message: '短信核验已超过24小时有效期，备案申请将被退回' },
  NOT_FOUND: { status: 404, message: '未找到' },
  ORDER_NOT_IN_REVIEW: { status: 409, message: '该备案申请当前不在管局审核中' },
  RECORD_CONFLICT: { status: 409, message: '备案数据已变化，无法按原申请通过' },
  INVALID_INPUT: { status: 400, message: '请求参数不正确' },
} as const satisfies Record<string, { status: 400 | 404 | 409; message: string }>;

export type SimErrorCode = keyof typeof SIM_ERRORS;

export class SimulatorError extends Error {
  readonly code: SimErrorCode;
  readonly details: unknown;
  constructor(code: SimErrorCode, options: { message?: string; details?: unknown } = {}) {
    super(options.message ?? SIM_ERRORS[code].message);
    this.name = 'SimulatorError';
    this.code = code;
    this.details = options.details;
  }
}

export const isSimulatorError = (e: unknown): e is SimulatorError => e instanceof SimulatorError;
