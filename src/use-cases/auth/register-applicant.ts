import type { AppContext } from '../../app-context.ts';
import type { AuthUser } from '../../domain/roles.ts';
import { createUser } from './create-user.ts';

export type RegisterApplicantInput = { email: string; password: string; displayName: string };

/**
 * Self-registration always yields an applicant who is not yet real-name verified; verification is a separate,
 * admin-confirmed step (domain.md: filing needs a verified account).
 */
export const registerApplicant = (
  ctx: Pick<AppContext, 'db' | 'clock'>,
  input: RegisterApplicantInput,
): Promise<AuthUser> => createUser(ctx, { ...input, role: 'applicant', realNameVerified: false, actor: 'self' });
