import type { Kysely } from 'kysely';
import { findActiveSubjectOfAccount, listActiveWebsitesOfSubject } from '../../adapters/db/records-repo.ts';
import type { Database } from '../../adapters/db/schema.ts';
import type { AppContext } from '../../app-context.ts';
import { SubjectSchema, type Website, WebsiteSchema } from '../../contracts/filing-data.ts';
import type { Order } from '../../domain/order.ts';
import type { RegulatorSubmission } from '../../domain/ports/regulator-gateway.ts';
import type { ProvinceCode } from '../../domain/province/provinces.ts';
import { computeSmsTargets } from '../../domain/sms-targets.ts';

/** What MIIT receives for an order: full data for what it files or changes, numbers for what it acts on. */
export async function buildSubmission(
  db: Kysely<Database>,
  ctx: AppContext,
  order: Order,
  idempotencyKey: string,
): Promise<RegulatorSubmission> {
  const here = await findActiveSubjectOfAccount(db, ctx.cipher, order.accountId);
  const filed = here ? await listActiveWebsitesOfSubject(db, ctx.cipher, here.id) : [];
  const numberOf = new Map(filed.map((w) => [w.id, w.icpNumber]));
  const subject = order.data.subject ? SubjectSchema.parse(order.data.subject) : here?.data;

  const targets = order.type === 'cancel_subject' ? filed : filed.filter((w) => order.targetWebsiteIds.includes(w.id));
  const websites: Array<Website & { websiteNumber?: string }> =
    order.type === 'cancel_subject' || order.type === 'cancel_website' || order.type === 'cancel_access'
      ? targets.map((w) => ({ ...w.data, websiteId: w.id, websiteNumber: w.icpNumber }))
      : order.data.websites.map((draft) => {
          const w = WebsiteSchema.parse(draft);
          const websiteNumber = w.websiteId ? numberOf.get(w.websiteId) : undefined;
          return websiteNumber ? { ...w, websiteNumber } : w;
        });

  const subjectNumber = here?.icpNumber ?? order.determination.subjectFilingNumber;
  const province = (subject?.province ?? here?.province ?? order.province) as ProvinceCode;
  return {
    idempotencyKey,
    orderId: order.id,
    type: order.type,
    province,
    ...(subjectNumber && { subjectNumber }),
    ...(subject && { subject }),
    websites,
    targetWebsiteNumbers: targets.map((w) => w.icpNumber),
    smsTargets: computeSmsTargets(
      order.type,
      { subject: order.data.subject ? subject : undefined, websites, changeScope: order.data.changeScope },
      here?.data.responsiblePerson,
    ),
  };
}
