import { sql } from 'kysely';
import type { RejectionReason } from '../../contracts/filing-data.ts';
import type { RegulatorSubmission } from '../../domain/ports/regulator-gateway.ts';
import type { ProvinceCode } from '../../domain/province/provinces.ts';
import type { ApprovedResult, SimOrderRow, SimWebsiteRow } from '../store/schema.ts';
import { checkRecords, type RecordCheck } from './check-records.ts';
import type { SimContext, SimTrx } from './context.ts';
import { registrableDomain } from './domain-names.ts';
import { allocateSubjectSerial, beijingYear, formatSubjectNumber } from './number-allocation.ts';
import { addWebsites, cancelWebsites, insertSubject } from './records.ts';

export type ApprovalOutcome =
  | { ok: true; state: 'approved'; result: ApprovedResult }
  | { ok: true; state: 'completed' }
  | { ok: false; reasons: RejectionReason[] };

/**
 * What the administration's approval does to the national records (domain.md §3.4, §9), inside the caller's
 * transaction so the numbers and the order state commit together. The records are re-checked first: another
 * order may have filed the same domain or cancelled the website since intake.
 */
export async function applyApproval(trx: SimTrx, ctx: SimContext, order: SimOrderRow): Promise<ApprovalOutcome> {
  const s = order.payload as RegulatorSubmission;
  const check = await checkRecords(trx, s);
  if (check.reasons.length > 0) return { ok: false, reasons: check.reasons };
  const outcome = await applyByType(trx, s, check, ctx.clock.now());
  if (!outcome.ok || outcome.state !== 'approved') return outcome;
  // Records hold the registered domain (example.com); answer with the domain as submitted (www.example.com) so
  // the platform can match its websites by the value it sent.
  const submitted = (domain: string) => s.websites.find((w) => registrableDomain(w.domain) === domain)?.domain.trim();
  const websites = outcome.result.websites.map((w) => ({ ...w, domain: submitted(w.domain) ?? w.domain }));
  return { ...outcome, result: { ...outcome.result, websites } };
}

async function applyByType(
  trx: SimTrx,
  s: RegulatorSubmission,
  check: RecordCheck,
  at: Date,
): Promise<ApprovalOutcome> {
  const touched = [...check.touched.values()];
  const subject = check.subject;

  switch (s.type) {
    case 'first_filing': {
      const subj = s.subject!;
      const serial = await allocateSubjectSerial(trx, s.province, beijingYear(at));
      const created = await insertSubject(
        trx,
        {
          number: formatSubjectNumber(s.province as ProvinceCode, beijingYear(at), serial),
          province: s.province,
          name: subj.sponsorName,
          subjectType: subj.subjectType,
          certificateType: subj.certificateType,
          certificateNumber: subj.certificateNumber,
          responsible: subj.responsiblePerson,
        },
        at,
      );
      const websites = await addWebsites(trx, created, s.websites.map(toWebsiteRecord), at);
      return { ok: true, state: 'approved', result: { subjectNumber: created.number, websites } };
    }
    case 'add_website_subject_here':
    case 'add_website_subject_elsewhere': {
      const websites = await addWebsites(trx, subject!, s.websites.map(toWebsiteRecord), at);
      return { ok: true, state: 'approved', result: { subjectNumber: subject!.number, websites } };
    }
    case 'add_access_subject_here':
    case 'add_access_subject_elsewhere':
      await changeAccessCount(trx, touched, +1, at);
      return approved(subject!.number, touched);
    case 'change_subject': {
      const subj = s.subject!;
      await trx
        .updateTable('sim_subject')
        .set({
          name: subj.sponsorName.trim(),
          subject_type: subj.subjectType,
          certificate_type: subj.certificateType,
          certificate_number: subj.certificateNumber.trim().toUpperCase(),
          responsible_name: subj.responsiblePerson.name.trim(),
          responsible_id_type: subj.responsiblePerson.idType,
          responsible_id_number: subj.responsiblePerson.idNumber.trim().toUpperCase(),
          updated_at: at,
        })
        .where('id', '=', subject!.id)
        .execute();
      return approved(subject!.number, await updateWebsites(trx, s, check.touched, at));
    }
    case 'change_website':
      return approved(subject!.number, await updateWebsites(trx, s, check.touched, at));
    case 'change_access':
      // MIIT keeps the access data (IPs) with the provider's filing; the national record itself is unchanged.
      await touch(trx, touched, at);
      return approved(subject!.number, touched);
    case 'change_images':
      return approved(subject!.number, []);
    case 'cancel_subject': {
      const all = await trx.selectFrom('sim_website').select('number').where('subject_id', '=', subject!.id).execute();
      await cancelWebsites(
        trx,
        all.map((w) => w.number),
        at,
      );
      await trx
        .updateTable('sim_subject')
        .set({ status: 'cancelled', updated_at: at })
        .where('id', '=', subject!.id)
        .execute();
      return { ok: true, state: 'completed' };
    }
    case 'cancel_website':
      await cancelWebsites(
        trx,
        touched.map((w) => w.number),
        at,
      );
      return { ok: true, state: 'completed' };
    case 'cancel_access':
      // The number survives; with no provider left the website becomes a shell website (空壳网站).
      await changeAccessCount(trx, touched, -1, at);
      return { ok: true, state: 'completed' };
  }
}

const toWebsiteRecord = (w: RegulatorSubmission['websites'][number]) => ({
  domain: w.domain,
  name: w.name,
  responsibleName: w.responsiblePerson.name,
});

const approved = (
  subjectNumber: string,
  websites: Array<Pick<SimWebsiteRow, 'domain' | 'number'>>,
): ApprovalOutcome => ({
  ok: true,
  state: 'approved',
  result: { subjectNumber, websites: websites.map((w) => ({ domain: w.domain, websiteNumber: w.number })) },
});

async function changeAccessCount(trx: SimTrx, websites: SimWebsiteRow[], delta: 1 | -1, at: Date) {
  if (websites.length === 0) return;
  await trx
    .updateTable('sim_website')
    .set({ access_provider_count: sql`greatest(access_provider_count + ${delta}, 0)`, updated_at: at })
    .where(
      'id',
      'in',
      websites.map((w) => w.id),
    )
    .execute();
}

async function touch(trx: SimTrx, websites: SimWebsiteRow[], at: Date) {
  if (websites.length === 0) return;
  await trx
    .updateTable('sim_website')
    .set({ updated_at: at })
    .where(
      'id',
      'in',
      websites.map((w) => w.id),
    )
    .execute();
}

/** Applies edited website data (name, domain, responsible person); numbers never change. */
async function updateWebsites(trx: SimTrx, s: RegulatorSubmission, touched: Map<string, SimWebsiteRow>, at: Date) {
  const updated: Array<Pick<SimWebsiteRow, 'domain' | 'number'>> = [];
  for (const w of s.websites) {
    const current = w.websiteNumber ? touched.get(w.websiteNumber) : undefined;
    if (!current) continue;
    const domain = registrableDomain(w.domain) || current.domain;
    await trx
      .updateTable('sim_website')
      .set({ name: w.name.trim(), domain, responsible_name: w.responsiblePerson.name.trim(), updated_at: at })
      .where('id', '=', current.id)
      .execute();
    updated.push({ domain, number: current.number });
  }
  return updated;
}
