import type { Clock } from '../../domain/ports/clock.ts';
import type { ProvinceCode } from '../../domain/province/provinces.ts';
import type { SimDb } from '../store/schema.ts';
import type { SimTrx } from './context.ts';
import { registrantOf } from './filer-identity.ts';
import { allocateSubjectSerial, beijingYear, formatSubjectNumber, reserveSubjectSerial } from './number-allocation.ts';
import { addWebsites, insertSubject, type NewSubjectRecord, type NewWebsiteRecord } from './records.ts';
import { registerDomain } from './register-domain.ts';

export type CreateFiledRecordInput = {
  province: ProvinceCode;
  subject: Omit<NewSubjectRecord, 'number' | 'province'>;
  /** Fixed number parts for historical records; default: the province's next serial in the current year. */
  number?: { year: number; serial: number };
  /** In approval order; `responsibleName` defaults to the subject responsible person. */
  websites: Array<Omit<NewWebsiteRecord, 'responsibleName'> & { responsibleName?: string }>;
  /** Also register each domain, real-name verified with the filer's data (default true). */
  registerDomains?: boolean;
  approvedAt?: Date;
};

export type FiledRecord = {
  subjectNumber: string;
  websites: Array<{ domain: string; websiteNumber: string }>;
};

/**
 * Puts an already-filed subject with its websites into the national records, as if approved earlier (possibly at
 * another access provider). Used by the seed and by tests that need existing filings for add-access, change and
 * cancellation orders. Numbers go through the same counters as approvals, so they are never handed out twice.
 */
export async function createFiledRecord(
  deps: { db: SimDb; clock: Clock },
  input: CreateFiledRecordInput,
): Promise<FiledRecord> {
  const at = input.approvedAt ?? deps.clock.now();
  // Joins the caller's transaction when given one (the seed writes everything atomically).
  const run = <T>(work: (trx: SimTrx) => Promise<T>) =>
    deps.db.isTransaction ? work(deps.db as SimTrx) : deps.db.transaction().execute(work);
  return run(async (trx) => {
    let year: number;
    let serial: number;
    if (input.number) {
      ({ year, serial } = input.number);
      await reserveSubjectSerial(trx, input.province, year, serial);
    } else {
      year = beijingYear(at);
      serial = await allocateSubjectSerial(trx, input.province, year);
    }
    const subject = await insertSubject(
      trx,
      { ...input.subject, province: input.province, number: formatSubjectNumber(input.province, year, serial) },
      at,
    );
    const websites = await addWebsites(
      trx,
      subject,
      input.websites.map((w) => ({ ...w, responsibleName: w.responsibleName ?? input.subject.responsible.name })),
      at,
    );
    if (input.registerDomains ?? true) {
      const registrant = registrantOf({
        individual: input.subject.subjectType === 'individual',
        sponsor: input.subject,
        responsible: {
          name: input.subject.responsible.name,
          certificateType: input.subject.responsible.idType,
          certificateNumber: input.subject.responsible.idNumber,
        },
      });
      for (const w of websites) {
        await registerDomain({ db: trx, clock: deps.clock }, { domain: w.domain, registrant, realNameVerifiedAt: at });
      }
    }
    return { subjectNumber: subject.number, websites };
  });
}
