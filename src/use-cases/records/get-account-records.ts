import { findActiveSubjectOfAccount, listActiveWebsitesOfSubject } from '../../adapters/db/records-repo.ts';
import type { AppContext } from '../../app-context.ts';
import { maskSubject, maskWebsite } from '../../domain/privacy/mask.ts';

/** 备案管理: the account's filed subject and websites with their numbers; personal data masked. */
export async function getAccountRecords(ctx: AppContext, accountId: string) {
  const subject = await findActiveSubjectOfAccount(ctx.db, ctx.cipher, accountId);
  if (!subject) return { subject: null, websites: [] };
  const websites = await listActiveWebsitesOfSubject(ctx.db, ctx.cipher, subject.id);
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
    })),
  };
}
