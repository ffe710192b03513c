import type { AppContext } from '../../app-context.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AuthUser } from '../../domain/roles.ts';
import { createUser } from './create-user.ts';

export type CreateSubAccountInput = { parent: AuthUser; email: string; password: string; displayName: string };

/** Sub-accounts act on their applicant's data but can never file (domain.md §2.1); only applicants make them. */
export async function createSubAccount(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  { parent, ...input }: CreateSubAccountInput,
): Promise<AuthUser> {
  if (parent.role !== 'applicant') throw new DomainError('FORBIDDEN');
  return createUser(ctx, {
    ...input,
    role: 'sub_account',
    parentUserId: parent.id,
    realNameVerified: false,
    actor: { id: parent.id, role: parent.role },
  });
}
