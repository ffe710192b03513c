import { seedResourcesForAccount } from '../adapters/resources/seeded-resource-inventory.ts';
import type { Composition } from '../compose.ts';
import type { Role } from '../domain/roles.ts';
import { createUser } from '../use-cases/auth/create-user.ts';
import { demoTotpSecret } from './demo-totp-secrets.ts';

export type DemoAccount = { role: Role; email: string; password: string; displayName: string };

/** Development-only accounts, printed by `npm start`. Production refuses to seed them (see startServer). */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    role: 'applicant',
    email: 'applicant@demo.beian.local',
    password: 'Beian-Demo-Applicant-2026',
    displayName: '演示申请人',
  },
  {
    role: 'reviewer',
    email: 'reviewer@demo.beian.local',
    password: 'Beian-Demo-Reviewer-2026',
    displayName: '演示审核员',
  },
  {
    role: 'senior_reviewer',
    email: 'senior@demo.beian.local',
    password: 'Beian-Demo-Senior-2026',
    displayName: '演示高级审核员',
  },
  { role: 'admin', email: 'admin@demo.beian.local', password: 'Beian-Demo-Admin-2026!', displayName: '演示管理员' },
];
export const SUB_ACCOUNT: DemoAccount = {
  role: 'sub_account',
  email: 'sub@demo.beian.local',
  password: 'Beian-Demo-SubAccount-2026',
  displayName: '演示子账号',
};

/**
 * Seeds the demo accounts and the applicant's cloud resources once, when the database has no users yet (and the
 * in-process simulator's national records). Later starts leave everything as it is.
 */
export async function ensureDemoData(composition: Composition): Promise<{ accounts: DemoAccount[]; created: boolean }> {
  const { ctx, inProcess } = composition;
  const accounts = [...DEMO_ACCOUNTS, SUB_ACCOUNT];
  const existing = await ctx.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) return { accounts, created: false };

  const now = ctx.clock.now();
  const users = new Map<Role, string>();
  for (const a of DEMO_ACCOUNTS) {
    const user = await createUser(ctx, { ...a, realNameVerified: true, allowPublishedPassword: true });
    users.set(a.role, user.id);
    // Demo staff come with their (published) authenticator already set up, so signing in only needs a code.
    const totpSecret = demoTotpSecret(a.email);
    if (totpSecret) {
      await ctx.db
        .insertInto('staff_totp')
        .values({ user_id: user.id, secret_enc: ctx.cipher.encryptJson(totpSecret), enrolled_at: now, updated_at: now })
        .execute();
    }
  }
  const applicantId = users.get('applicant')!;
  await createUser(ctx, {
    ...SUB_ACCOUNT,
    parentUserId: applicantId,
    realNameVerified: true,
    allowPublishedPassword: true,
  });
  await seedResourcesForAccount(ctx.db, applicantId, now);
  // The simulator service seeds its own national records; the in-process one is seeded here.
  await inProcess?.sim.seed();
  return { accounts, created: true };
}
