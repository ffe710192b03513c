import { randomBytes } from 'node:crypto';
import { assertPasswordPolicy, hashPassword } from '../../adapters/auth/password.ts';
import { seedResourcesForAccount } from '../../adapters/resources/seeded-resource-inventory.ts';
import type { AppContext } from '../../app-context.ts';
import { devSignupStandIn } from '../../config.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Role } from '../../domain/roles.ts';
import { appendAudit } from './audit.ts';
import { createUser } from './create-user.ts';
import { assertEmailShape, normaliseEmail } from './users.ts';

export type RegisterApplicantInput = { email: string; password: string; displayName: string };

/**
 * What every registration answers, whether the address was new or already had an account (ASVS 6.3.8-style,
 * issue 6 item 9): the answer does not tell whether an address is registered. A new address has its account
 * at once and signs in next with the password it chose; the owner of a taken address gets an e-mail instead.
 */
export type RegistrationAccepted = { status: 'accepted'; next: 'login'; message: string };

export const REGISTRATION_ACCEPTED: RegistrationAccepted = {
  status: 'accepted',
  next: 'login',
  message: '注册申请已受理，请查收邮件，然后使用该邮箱和密码登录。',
};

type RegisterContext = Pick<AppContext, 'db' | 'clock' | 'email'> & {
  config: Pick<AppContext['config'], 'NODE_ENV' | 'DEV_SIGNUP_STAND_IN' | 'LOCAL_PASSWORD_SIGNIN'>;
};

const WELCOME = {
  subject: '【备案系统】账号已创建 / Account created',
  text:
    '您已使用本邮箱注册备案系统账号，现在可以登录。如非本人操作，请联系我们。\n' +
    'An account of the ICP filing platform was created with this address; you can now sign in. ' +
    'If this was not you, please contact us.',
};
const ALREADY_REGISTERED = {
  subject: '【备案系统】有人尝试用您的邮箱注册 / Someone tried to register with your address',
  text:
    '有人尝试使用本邮箱注册备案系统账号，但该邮箱已有账号，账号未作任何改动。如果是您本人，请直接登录；' +
    '如非本人操作，可忽略本邮件。\n' +
    'Someone tried to register with this address, which already has an account; nothing was changed. ' +
    'If it was you, just sign in; otherwise you can ignore this message.',
};

/**
 * Self-registration always yields an applicant who is not yet real-name verified; verification is a separate,
 * admin-confirmed step (domain.md: filing needs a verified account). Input errors (address shape, password
 * policy, display name) are reported as before, since they say nothing about other people's accounts.
 */
export async function registerApplicant(
  ctx: RegisterContext,
  input: RegisterApplicantInput,
): Promise<RegistrationAccepted> {
  if (!ctx.config.LOCAL_PASSWORD_SIGNIN)
    throw new DomainError('SIGN_IN_METHOD_DISABLED', { details: { method: 'password' } });
  const email = normaliseEmail(input.email);
  assertEmailShape(email);
  assertPasswordPolicy(input.password, { email });
  const taken = await ctx.db.selectFrom('users').select(['id', 'role']).where('email', '=', email).executeTakeFirst();
  let mail = WELCOME;
  if (taken) {
    // The hash a new account would cost, so the answer takes as long either way.
    await hashPassword(randomBytes(16).toString('base64'));
    await recordAttempt(ctx, taken);
    mail = ALREADY_REGISTERED;
  } else {
    try {
      const standIn = devSignupStandIn(ctx.config);
      const user = await createUser(ctx, { ...input, role: 'applicant', realNameVerified: standIn, actor: 'self' });
      if (standIn) await seedResourcesForAccount(ctx.db, user.accountId, ctx.clock.now());
    } catch (e) {
      // Lost a race with another registration of the same address: the same neutral answer.
      if (!(e instanceof DomainError && e.code === 'AUTH_EMAIL_TAKEN')) throw e;
      mail = ALREADY_REGISTERED;
    }
  }
  await notify(ctx, email, mail);
  return REGISTRATION_ACCEPTED;
}

const recordAttempt = (ctx: RegisterContext, user: { id: string; role: Role }) =>
  appendAudit(ctx.db, {
    at: ctx.clock.now(),
    actor: { id: null, role: 'anonymous' },
    action: 'auth.register.address_taken',
    details: { userId: user.id },
  });

/**
 * Best effort: the account (or the refusal) stands whether or not the mail goes out, and a failing transport
 * must not turn one of the two cases into a different answer.
 */
async function notify(ctx: RegisterContext, to: string, mail: { subject: string; text: string }): Promise<void> {
  try {
    await ctx.email.send({ to, ...mail, idempotencyKey: `register:${crypto.randomUUID()}` });
  } catch {
    // Nothing to retry from: the person can register again or sign in.
  }
}
