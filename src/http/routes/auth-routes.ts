import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import {
  ConfirmEnrolmentRequestSchema,
  CreateSubAccountRequestSchema,
  EnrolmentConfirmedSchema,
  EnrolmentStartSchema,
  LoginRequestSchema,
  LogoutRedirectSchema,
  RegisterRequestSchema,
  RegistrationAcceptedSchema,
  SecondFactorVerifiedSchema,
  SessionUserViewSchema,
  UserViewSchema,
  VerifySecondFactorRequestSchema,
} from '../../contracts/auth-api.ts';
import { ROLES, STAFF_ROLES } from '../../domain/roles.ts';
import { createSubAccount } from '../../use-cases/auth/create-sub-account.ts';
import { oidcLogoutRedirect } from '../../use-cases/auth/external-sign-in.ts';
import { login } from '../../use-cases/auth/login.ts';
import { logout } from '../../use-cases/auth/logout.ts';
import { registerApplicant } from '../../use-cases/auth/register-applicant.ts';
import { confirmEnrolment, startEnrolment, verifySecondFactor } from '../../use-cases/auth/second-factor.ts';
import { clearSessionCookie, readSessionCookie, requireUser, setSessionCookie } from '../plugins/auth.ts';

const ANY_ROLE = ROLES;

const REGISTER_DESCRIPTION = [
  'Always answers 202 with the same body, whether the address was new or already registered, so the answer',
  'does not reveal who has an account. A new address gets its applicant account at once: sign in next with',
  'POST /api/v1/auth/login and the same e-mail and password. A taken address is left unchanged and its owner',
  'gets an e-mail saying someone tried to register with it. Input errors (e-mail shape, password policy,',
  'display name) still answer 400. Limited per client IP (REGISTER_RATE_LIMIT a minute, then 429).',
].join(' ');

export const authRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Per-IP limits on the two anonymous entry points (scoped to this plugin; other routes are untouched). The
  // per-address lock in login stops guessing one account; this stops one client trying many.
  await app.register(rateLimit, { global: false });
  const perMinute = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });

  app.post(
    '/register',
    {
      config: { access: 'public', ...perMinute(ctx.config.REGISTER_RATE_LIMIT) },
      schema: {
        tags: ['auth'],
        summary: 'Register an applicant account (neutral answer; sign in next)',
        description: REGISTER_DESCRIPTION,
        body: RegisterRequestSchema,
        response: { 202: RegistrationAcceptedSchema },
      },
    },
    async (request, reply) => reply.code(202).send(await registerApplicant(ctx, request.body)),
  );

  app.post(
    '/login',
    {
      config: { access: 'public', ...perMinute(ctx.config.LOGIN_RATE_LIMIT) },
      schema: {
        tags: ['auth'],
        summary: 'Log in; sets the session cookie',
        description:
          'A wrong password, an unknown address and a disabled account answer the same 401. After 5 failures for ' +
          'an address (known or not) it is locked with a growing delay: 429 AUTH_TOO_MANY_ATTEMPTS with ' +
          'Retry-After. Limited per client IP too (LOGIN_RATE_LIMIT a minute, 429 RATE_LIMITED with Retry-After). ' +
          '`secondFactor` says what staff still owe: `enrol` (set up an authenticator) or `verify` (enter a ' +
          'code); until then other staff routes answer 403 SECOND_FACTOR_REQUIRED. Applicants get `done`.',
        body: LoginRequestSchema,
        response: { 200: SessionUserViewSchema },
      },
    },
    async (request, reply) => {
      const { sessionId, user, secondFactor } = await login(ctx, {
        ...request.body,
        ip: request.ip,
        previousSessionId: readSessionCookie(request, ctx),
      });
      setSessionCookie(reply, ctx, sessionId);
      return { ...user, secondFactor };
    },
  );

  app.post(
    '/logout',
    {
      config: { access: ANY_ROLE, beforeSecondFactor: true },
      schema: {
        tags: ['auth'],
        summary: 'End the current session',
        description:
          'Ends the session here (204). A session that began at the OpenID Connect provider answers 200 with ' +
          '`endSessionUrl` instead when the provider has an end_session_endpoint: the browser goes there next to ' +
          "end the provider's session too (RP-initiated logout), and comes back to /sign-in.",
        response: { 204: z.null(), 200: LogoutRedirectSchema },
      },
    },
    async (request, reply) => {
      const sessionId = readSessionCookie(request, ctx);
      const ended = sessionId ? await logout(ctx, { user: requireUser(request), sessionId, ip: request.ip }) : null;
      clearSessionCookie(reply, ctx);
      const endSessionUrl = await oidcLogoutRedirect(ctx, ended?.signedInWith ?? null);
      if (endSessionUrl) return reply.code(200).send({ endSessionUrl });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      config: { access: ANY_ROLE, beforeSecondFactor: true },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, and whether the staff second factor is still pending',
        response: { 200: SessionUserViewSchema },
      },
    },
    async (request) => ({ ...requireUser(request), secondFactor: request.secondFactor }),
  );

  // The staff second factor (TOTP). These answer a session that has not passed it yet; passing it replaces
  // the session cookie with a new id.
  const session = (request: Parameters<typeof requireUser>[0]) => ({
    user: requireUser(request),
    sessionId: readSessionCookie(request, ctx) ?? '',
    ip: request.ip,
  });
  const secondFactorConfig = {
    access: STAFF_ROLES,
    beforeSecondFactor: true,
    ...perMinute(ctx.config.LOGIN_RATE_LIMIT),
  } as const;

  app.post(
    '/second-factor/enrolment',
    {
      config: secondFactorConfig,
      schema: {
        tags: ['auth'],
        summary: 'Start setting up an authenticator app (staff without one)',
        description:
          'A new TOTP secret (SHA-1, 6 digits, 30 s) as an otpauth:// URI for the QR code and in base32 for manual ' +
          'entry. Calling again replaces an unconfirmed secret; 409 SECOND_FACTOR_ALREADY_ENROLLED once confirmed.',
        response: { 200: EnrolmentStartSchema },
      },
    },
    async (request) => startEnrolment(ctx, session(request)),
  );

  app.post(
    '/second-factor/enrolment/confirm',
    {
      config: secondFactorConfig,
      schema: {
        tags: ['auth'],
        summary: 'Confirm the authenticator with its first code; returns the recovery codes once',
        description:
          'A wrong code answers 401 SECOND_FACTOR_INVALID_CODE with attemptsLeft; the 5th wrong code in a row ' +
          'locks for 15 minutes (429 SECOND_FACTOR_LOCKED with lockedUntil and Retry-After). Success ends the ' +
          'second factor for this session (new session cookie).',
        body: ConfirmEnrolmentRequestSchema,
        response: { 200: EnrolmentConfirmedSchema },
      },
    },
    async (request, reply) => {
      const current = session(request);
      const { sessionId, recoveryCodes } = await confirmEnrolment(ctx, current, request.body.code);
      setSessionCookie(reply, ctx, sessionId);
      return { ...current.user, secondFactor: 'done' as const, recoveryCodes };
    },
  );

  app.post(
    '/second-factor/verify',
    {
      config: secondFactorConfig,
      schema: {
        tags: ['auth'],
        summary: "Sign-in's second step: a code from the authenticator app, or a recovery code",
        description:
          'A code is accepted once: the same code (or an older one) again answers 401 SECOND_FACTOR_INVALID_CODE ' +
          'with reason `reused`. A recovery code works once. Wrong attempts count and lock as for enrolment.',
        body: VerifySecondFactorRequestSchema,
        response: { 200: SecondFactorVerifiedSchema },
      },
    },
    async (request, reply) => {
      const current = session(request);
      const { sessionId, recoveryCodesLeft } = await verifySecondFactor(ctx, current, request.body);
      setSessionCookie(reply, ctx, sessionId);
      return { ...current.user, secondFactor: 'done' as const, recoveryCodesLeft };
    },
  );

  app.post(
    '/sub-accounts',
    {
      config: { access: ['applicant'] },
      schema: {
        tags: ['auth'],
        summary: 'Create a sub-account under the signed-in applicant',
        body: CreateSubAccountRequestSchema,
        response: { 201: UserViewSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createSubAccount(ctx, { parent: requireUser(request), ...request.body })),
  );
};
