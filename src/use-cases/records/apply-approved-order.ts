import type { Kysely } from 'kysely';
import {
  cancelSubjectRecord,
  findActiveSubjectOfAccount,
  insertSubject,
  insertWebsite,
  setWebsiteStatus,
  updateSubjectData,
  updateWebsiteData,
} from '../../adapters/db/records-repo.ts';
import type { Database } from '../../adapters/db/schema.ts';
import type { AppContext } from '../../app-context.ts';
import { type Subject, SubjectSchema, type Website, WebsiteSchema } from '../../contracts/filing-data.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Order } from '../../domain/order.ts';
import { maskName } from '../../domain/privacy/mask.ts';
import { validateDomain } from '../../domain/validation/index.ts';
import { endAccessWatch, scheduleAccessCheck } from '../access-risks/access-checks.ts';

/** The name the public lookup may show: a unit's name is public, an individual's is masked. */
export const publicSubjectName = (s: Subject) =>
  s.subjectType === 'individual' ? maskName(s.sponsorName) : s.sponsorName;

export const domainKey = (domain: string) => {
  const r = validateDomain(domain);
  return { domain: r.normalized ?? domain.trim().toLowerCase(), unicode: r.info?.unicode ?? domain.trim() };
};

/**
 * Applies an order the administration approved to the platform's filed records (备案管理), using the numbers
 * the regulator issued. Runs inside the approving transition's transaction. Returns the subject id.
 */
export async function applyApprovedOrder(
  trx: Kysely<Database>,
  ctx: AppContext,
  order: Order,
  now: Date,
): Promise<string | null> {
  const status = order.regulatorStatus;
  const here = await findActiveSubjectOfAccount(trx, ctx.cipher, order.accountId);
  const websites = order.data.websites.map((w) => WebsiteSchema.parse(w));
  const subjectIndex = (s: Subject) => ctx.cipher.blindIndex('subject-certificate', s.certificateNumber);

  switch (order.type) {
    case 'first_filing':
    case 'add_website_subject_elsewhere':
    case 'add_access_subject_elsewhere':
    case 'add_website_subject_here':
    case 'add_access_subject_here': {
      if (status?.state !== 'approved') throw new DomainError('INTERNAL', { message: 'approval without numbers' });
      let subjectId = here?.id ?? null;
      if (!subjectId) {
        const subject = SubjectSchema.parse(order.data.subject);
        subjectId = crypto.randomUUID();
        await insertSubject(trx, ctx.cipher, {
          id: subjectId,
          accountId: order.accountId,
          province: subject.province,
          subjectType: subject.subjectType,
          icpNumber: status.subjectNumber,
          publicName: publicSubjectName(subject),
          data: subject,
          approvedAt: now,
          certificateIndex: subjectIndex(subject),
        });
      }
      for (const website of websites) {
        const key = domainKey(website.domain);
        const issued = status.websites.find((w) => domainKey(w.domain).domain === key.domain);
        if (!issued) throw new DomainError('INTERNAL', { message: 'no number issued for a website' });
        const websiteId = crypto.randomUUID();
        await insertWebsite(trx, ctx.cipher, {
          id: websiteId,
          subjectId,
          accountId: order.accountId,
          domain: key.domain,
          domainUnicode: key.unicode,
          name: website.name,
          icpNumber: issued.websiteNumber,
          authorizationCode: website.authorizationCode,
          data: { ...website, domain: key.domain },
          approvedAt: now,
        });
        await scheduleAccessCheck(trx, [websiteId], now);
      }
      return subjectId;
    }
    case 'change_subject': {
      if (!here) throw new DomainError('TYPE_NO_SUBJECT_HERE');
      const subject = SubjectSchema.parse(order.data.subject);
      await updateSubjectData(
        trx,
        ctx.cipher,
        here.id,
        {
          data: subject,
          publicName: publicSubjectName(subject),
          subjectType: subject.subjectType,
          certificateIndex: subjectIndex(subject),
        },
        now,
      );
      if (order.data.changeScope?.websites) await updateEditedWebsites(trx, ctx, websites, now);
      return here.id;
    }
    case 'change_website':
    case 'change_access':
      await updateEditedWebsites(trx, ctx, websites, now);
      return here?.id ?? null;
    case 'change_images':
      return here?.id ?? null;
    case 'cancel_subject':
      if (here) await cancelSubjectRecord(trx, here.id, now);
      if (here) await endAccessWatch(trx, await websiteIdsOfSubject(trx, here.id), now);
      return here?.id ?? null;
    case 'cancel_website':
      await setWebsiteStatus(trx, order.targetWebsiteIds, 'cancelled', now);
      await endAccessWatch(trx, order.targetWebsiteIds, now);
      return here?.id ?? null;
    case 'cancel_access':
      await setWebsiteStatus(trx, order.targetWebsiteIds, 'access_removed', now);
      await endAccessWatch(trx, order.targetWebsiteIds, now);
      return here?.id ?? null;
  }
}

async function updateEditedWebsites(trx: Kysely<Database>, ctx: AppContext, websites: Website[], now: Date) {
  for (const website of websites) {
    if (!website.websiteId) continue;
    // The domain is the identity of a filed website; a change order never moves a number to another domain.
    const current = await trx
      .selectFrom('websites')
      .select('domain')
      .where('id', '=', website.websiteId)
      .executeTakeFirst();
    if (!current) throw new DomainError('WEBSITE_NOT_FOUND');
    await updateWebsiteData(trx, ctx.cipher, website.websiteId, { ...website, domain: current.domain }, now);
    // A change may bind another resource (变更接入): look at it at the next sweep.
    await scheduleAccessCheck(trx, [website.websiteId], now);
  }
}

const websiteIdsOfSubject = async (trx: Kysely<Database>, subjectId: string) =>
  (await trx.selectFrom('websites').select('id').where('subject_id', '=', subjectId).execute()).map((w) => w.id);
