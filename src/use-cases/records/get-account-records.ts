import { findActiveSubjectOfAccount, listActiveWebsitesOfSubject } from '../../adapters/db/records-repo.ts';
import type { AppContext } from '../../app-context.ts';
import { maskSubject, maskWebsite } from '../../domain/privacy/mask.ts';
import type { AuthUser } from '../../domain/roles.ts';
import { openAccessRisksOfAccount } from '../access-risks/list-access-risks.ts';
import { findOpenOrder, subjectActions, websiteActions } from './record-actions.ts';

/**
 * 备案管理: the account's filed subject and websites with their numbers, personal data masked, and which orders
 * the user may start from them now (each refused one with its reason), decided here rather than in the browser.
 */
export async function getAccountRecords(
  ctx: AppContext,
  user: Pick<AuthUser, 'accountId' | 'role' | 'realNameVerified'>,
) {
  const subject = await findActiveSubjectOfAccount(ctx.db, ctx.cipher, user.accountId);
  const openOrder = await findOpenOrder(ctx, user.accountId);
  const facts = {
    role: user.role,
    realNameVerified: user.realNameVerified,
    hasSubject: subject !== null,
    openOrder: openOrder !== null,
  };
  if (!subject) return { subject: null, websites: [], actions: subjectActions(facts), openOrder };
  const websites = await listActiveWebsitesOfSubject(ctx.db, ctx.cipher, subject.id);
  const risks = await openAccessRisksOfAccount(ctx, user.accountId);
  return {
    subject: {
      id: subject.id,
      icpNumber: subject.icpNumber,
      province: subject.province,
      subjectType: subject.subjectType,
      name: subject.publicName,
      approvedAt: subject.approvedAt.toISOString(),
      data: maskSubject(subject.data),
    },
    websites: websites.map((w) => ({
      id: w.id,
      icpNumber: w.icpNumber,
      domain: w.domainUnicode,
      name: w.name,
      status: w.status,
      approvedAt: w.approvedAt.toISOString(),
      data: maskWebsite(w.data),
      accessRisk: risks.get(w.id) ?? null,
      actions: websiteActions({ ...facts, websiteStatus: w.status }),
    })),
    actions: subjectActions(facts),
    openOrder,
  };
}
