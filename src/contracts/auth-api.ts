import { z } from 'zod';
import { ROLES } from '../domain/roles.ts';

export { isStaffRole, STAFF_ROLES, type StaffRole } from '../domain/roles.ts';

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
