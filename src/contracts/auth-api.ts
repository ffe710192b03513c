import { z } from 'zod';
import { ROLES } from '../domain/roles.ts';
import { SECOND_FACTOR_STATES } from '../domain/second-factor.ts';

export { isStaffRole, STAFF_ROLES, type StaffRole } from '../domain/roles.ts';
export {
  RECOVERY_CODE_COUNT,
  SECOND_FACTOR_LOCK_AFTER,
  SECOND_FACTOR_STATES,
  type SecondFactorState,
} from '../domain/second-factor.ts';

import { safeString } from './safe-string.ts';

/** The account as its owner and admins see it. Never includes the password hash or lockout counters. */
export const UserViewSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: z.enum(ROLES),
  displayName: z.string(),
  accountId: z.uuid(),
  realNameVerified: z.boolean(),
});

export const EmailSchema = z.email().max(254);
/** Length and strength are checked by the password policy, which names the rule that failed. */
export const NewPasswordSchema = z.string().min(1).max(1024);
export const DisplayNameSchema = safeString().trim().min(1).max(50);

export const RegisterRequestSchema = z
  .object({ email: EmailSchema, password: NewPasswordSchema, displayName: DisplayNameSchema })
  .strict();
export const LoginRequestSchema = z.object({ email: safeString().max(254), password: z.string().max(1024) }).strict();
export const CreateSubAccountRequestSchema = RegisterRequestSchema;

export const RegistrationAcceptedSchema = z
  .object({ status: z.literal('accepted'), next: z.literal('login'), message: z.string() })
  .strict();

/**
 * The signed-in user with what the session still owes of the staff second factor (login and /auth/me):
 * `enrol` or `verify` until staff pass it; `done` for everyone else.
 */
export const SessionUserViewSchema = UserViewSchema.extend({ secondFactor: z.enum(SECOND_FACTOR_STATES) });

/** A 6-digit code from the authenticator app. */
export const TotpCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, '6 digits');

export const EnrolmentStartSchema = z
  .object({
    /** otpauth://totp/beian:<e-mail>?secret=…&issuer=beian — what the QR code carries. */
    otpauthUri: z.string(),
    /** The same secret in base32, for typing into the app by hand. */
    secret: z.string(),
  })
  .strict();

export const ConfirmEnrolmentRequestSchema = z.object({ code: TotpCodeSchema }).strict();
export const EnrolmentConfirmedSchema = SessionUserViewSchema.extend({
  /** Shown this once; only their keyed hashes are stored. */
  recoveryCodes: z.array(z.string()),
});

export const VerifySecondFactorRequestSchema = z.union([
  z.object({ code: TotpCodeSchema }).strict(),
  z.object({ recoveryCode: z.string().trim().min(1).max(32) }).strict(),
]);
export const SecondFactorVerifiedSchema = SessionUserViewSchema.extend({
  /** After a recovery code: how many unused ones are left (null after an app code). */
  recoveryCodesLeft: z.number().int().nullable(),
});

/**
 * Sign-in with the provider's accounts (OIDC) and WeChat: `returnTo` is a path of this site to land on after
 * signing in (anything else lands on the portal's start). The callbacks' own parameters come from the IdP.
 */
export const ExternalSignInStartQuerySchema = z.object({ returnTo: z.string().max(500).optional() });
export const ExternalSignInCallbackQuerySchema = z.record(z.string(), z.string().max(4096));

/** POST /auth/logout of a session that began at the OIDC IdP: where to end the IdP's session too. */
export const LogoutRedirectSchema = z.object({ endSessionUrl: z.string() }).strict();

/** The sign-in page's error codes after a provider callback (`/sign-in?error=<code>`). */
export const SIGN_IN_ERROR_CODES = [
  'SIGN_IN_FAILED',
  'SIGN_IN_EXPIRED',
  'SIGN_IN_SUB_ACCOUNT_REFUSED',
  'SIGN_IN_METHOD_DISABLED',
] as const;
