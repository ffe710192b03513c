import type { Kysely } from 'kysely';
import { appendAudit } from '../../adapters/db/audit-log.ts';
import {
  findActiveSubjectOfAccount,
  findActiveWebsiteByDomain,
  listActiveWebsitesOfSubject,
  type SubjectRecord,
  type WebsiteRecord,
} from '../../adapters/db/records-repo.ts';
import type { Database } from '../../adapters/db/schema.ts';
import type { AppContext } from '../../app-context.ts';
import type { OrderData } from '../../contracts/filing-data.ts';
import { DomainError } from '../../domain/errors.ts';
import type { FilingType } from '../../domain/filing-type.ts';
import { determineFilingType } from '../../domain/filing-type-determination.ts';
import { draftIdleDeadline } from '../../domain/lifecycle/transition.ts';
import type { OrderDetermination } from '../../domain/order.ts';
import type { AuthUser } from '../../domain/roles.ts';
import { parseIcpNumber, validateDomain } from '../../domain/validation/index.ts';
import { assertSubjectIsAccountIdentity, lookupAccountRealName } from '../real-name/account-real-name.ts';
import { armDeadline } from './deadlines.ts';

export type StartOrderRequest =
  | {
      kind: 'new';
      domain: string;
      /** View A validation answer; defaults to "ticked" exactly when a subject number is given. */
      subjectAlreadyFiled?: boolean;
      subjectFilingNumber?: string;
      /** Optional expectation; the system decides the type without it (see determineFilingType). */
      intent?: 'add_website' | 'add_access';
    }
  | { kind: 'change_subject'; changeWebsites: boolean }
  | {
      kind: 'change_website' | 'change_access' | 'cancel_website' | 'cancel_access';
      websiteIds: string[];
      reason?: string;
    }
  | { kind: 'change_images' }
  | { kind: 'cancel_subject'; reason?: string };

/**
 * Sub-accounts never file (domain.md §2.1). Whether the account is real-name verified, and as the subject it
 * files, is the registry's answer (assertRealNameForFiling), asked where a filing starts or is submitted.
 */
export function assertMayFile(user: AuthUser): void {
  if (user.role === 'sub_account') throw new DomainError('SUB_ACCOUNT_CANNOT_FILE');
  if (user.role !== 'applicant') {
    throw new DomainError('FORBIDDEN', {
      details: { reason: 'role_not_allowed', role: user.role, allowedRoles: ['applicant'] },
    });
  }
}

/**
 * The account is real-name verified, and as the subject it already has here (a first filing's subject is not
 * known yet; it is compared when the order is submitted). domain.md §4.1, §3.3 transition 1.
 */
export async function assertRealNameForFiling(ctx: AppContext, user: AuthUser): Promise<SubjectRecord | null> {
  const lookup = await lookupAccountRealName(ctx, user);
  const here = await findActiveSubjectOfAccount(ctx.db, ctx.cipher, user.accountId);
  assertSubjectIsAccountIdentity(ctx, lookup, here?.data);
  return here;
}

/**
 * The type the system determines for a "new" request, from the account and MIIT's record of the domain: the one
 * entry point for 首次备案, 新增网站 and 新增接入 alike (domain.md §2.1).
 */
export async function determineType(ctx: AppContext, user: AuthUser, req: Extract<StartOrderRequest, { kind: 'new' }>) {
  const domainResult = validateDomain(req.domain);
  if (!domainResult.valid || !domainResult.normalized) {
    throw new DomainError('VALIDATION_FAILED', {
      details: { issues: [{ field: 'domain', errors: domainResult.errors }] },
    });
  }
  const domain = domainResult.normalized;
  const subjectAlreadyFiled = req.subjectAlreadyFiled ?? Boolean(req.subjectFilingNumber?.trim());
  const here = await findActiveSubjectOfAccount(ctx.db, ctx.cipher, user.accountId);
  let subjectFilingNumber: string | undefined;
  // With a subject here the View A checkbox has no meaning, so a number typed there is not looked up either.
  if (subjectAlreadyFiled && !here) {
    const parsed = parseIcpNumber(req.subjectFilingNumber ?? '');
    if (!parsed.valid || parsed.info?.kind !== 'subject') {
      throw new DomainError('VALIDATION_FAILED', {
        details: {
          issues: [
            {
              field: 'subjectFilingNumber',
              errors: parsed.valid ? [{ code: 'ICP_NUMBER_NOT_SUBJECT' }] : parsed.errors,
            },
          ],
        },
      });
    }
    subjectFilingNumber = parsed.normalized ?? undefined;
  }
  const domainStatus = await ctx.regulator.lookupDomain(domain);
  const subjectNumberStatus = subjectFilingNumber
    ? await ctx.regulator.lookupSubjectNumber(subjectFilingNumber)
    : undefined;
  const hostedHere = (await findActiveWebsiteByDomain(ctx.db, ctx.cipher, domain)) !== null;
  const { type, reason } = determineFilingType({
    accountHasSubjectHere: here !== null,
    ...(here && { subjectHereNumber: here.icpNumber }),
    subjectAlreadyFiled,
    ...(subjectFilingNumber && { subjectFilingNumber }),
    ...(subjectNumberStatus && { subjectNumberStatus }),
    ...(req.intent && { intent: req.intent }),
    domain,
    domainStatus,
    domainHostedHere: hostedHere,
  });
  const determination: OrderDetermination = {
    domain,
    subjectAlreadyFiled,
    ...(subjectFilingNumber && { subjectFilingNumber }),
    ...(req.intent && { intent: req.intent }),
    domainFiled: domainStatus.filed,
    ...(domainStatus.filed && { domainWebsiteNumber: domainStatus.websiteNumber }),
    reason,
  };
  const province = subjectNumberStatus?.found ? subjectNumberStatus.province : here?.province;
  return { type, reason, determination, here, domain, province };
}

const websiteEntry = (w: WebsiteRecord) => ({ ...w.data, websiteId: w.id });

function pickTargets(filed: WebsiteRecord[], ids: string[]): WebsiteRecord[] {
  if (ids.length === 0) throw new DomainError('VALIDATION_FAILED', { details: { issues: [{ field: 'websiteIds' }] } });
  return ids.map((id) => {
    const w = filed.find((x) => x.id === id);
    if (!w) throw new DomainError('WEBSITE_NOT_FOUND', { details: { websiteId: id } });
    return w;
  });
}

/**
 * Starts a filing order (填写中). One open order per account, hence per subject. `inTransaction` runs in the
 * transaction that creates the order (the Idempotency-Key ties itself to the new order there).
 */
export async function createOrder(
  ctx: AppContext,
  user: AuthUser,
  req: StartOrderRequest,
  options: { inTransaction?: (trx: Kysely<Database>, orderId: string) => Promise<void> } = {},
) {
  assertMayFile(user);
  await assertRealNameForFiling(ctx, user);
  const open = await ctx.db
    .selectFrom('filing_orders')
    .select('id')
    .where('account_id', '=', user.accountId)
    .where('state', 'not in', ['approved', 'completed_removed', 'abandoned'])
    .executeTakeFirst();
  if (open) throw new DomainError('ORDER_ALREADY_OPEN', { details: { orderId: open.id } });

  let type: FilingType;
  let data: OrderData = { websites: [] };
  let determination: OrderDetermination = {};
  let targets: string[] = [];
  let here: SubjectRecord | null;
  let province: string | undefined;

  if (req.kind === 'new') {
    const d = await determineType(ctx, user, req);
    ({ type, determination, here, province } = d);
    const carriesSubject = type === 'first_filing' || type.endsWith('subject_elsewhere');
    data = {
      ...(carriesSubject && { subject: province ? { province: province as never } : {} }),
      websites: [{ domain: d.domain }],
    };
  } else {
    here = await findActiveSubjectOfAccount(ctx.db, ctx.cipher, user.accountId);
    if (!here) throw new DomainError('TYPE_NO_SUBJECT_HERE');
    province = here.province;
    const filed = await listActiveWebsitesOfSubject(ctx.db, ctx.cipher, here.id);
    type = req.kind;
    switch (req.kind) {
      case 'change_subject':
        data = {
          subject: here.data,
          websites: req.changeWebsites ? filed.map(websiteEntry) : [],
          changeScope: { subject: true, websites: req.changeWebsites },
        };
        break;
      case 'change_website':
      case 'change_access':
        targets = pickTargets(filed, req.websiteIds).map((w) => w.id);
        data = { websites: pickTargets(filed, req.websiteIds).map(websiteEntry) };
        break;
      case 'cancel_website':
      case 'cancel_access':
        targets = pickTargets(filed, req.websiteIds).map((w) => w.id);
        data = { websites: [], ...(req.reason && { cancelReason: req.reason }) };
        break;
      case 'cancel_subject':
        targets = filed.map((w) => w.id);
        data = { websites: [], ...(req.reason && { cancelReason: req.reason }) };
        break;
      case 'change_images':
        data = { websites: [] };
        break;
    }
  }

  const now = ctx.clock.now();
  const id = crypto.randomUUID();
  return ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('filing_orders')
      .values({
        id,
        account_id: user.accountId,
        subject_id: here?.id ?? null,
        type,
        state: 'draft',
        verification_stage: ctx.config.VERIFICATION_STAGE,
        version: 1,
        province: province ?? null,
        data_enc: ctx.cipher.encryptJson(data),
        determination: JSON.stringify(determination),
        target_website_ids: JSON.stringify(targets),
        submission_count: 0,
        last_activity_at: now,
        created_at: now,
        updated_at: now,
      })
      .execute()
      .catch((error: { code?: string }) => {
        // The partial unique index is the real guard when two requests race past the check above.
        if (error.code === '23505') throw new DomainError('ORDER_ALREADY_OPEN');
        throw error;
      });
    await armDeadline(trx, 'draft_idle', id, draftIdleDeadline(now, ctx.lifecycle));
    await appendAudit(trx, {
      at: now,
      actorId: user.id,
      actorRole: user.role,
      action: 'order.created',
      orderId: id,
      toState: 'draft',
      details: { type },
    });
    await options.inTransaction?.(trx, id);
    return { id, type };
  });
}
