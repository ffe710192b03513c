import { sql } from 'kysely';
import { getProvince, type ProvinceCode } from '../../domain/province/provinces.ts';
import type { SimTrx } from './context.ts';

/** Filing numbers carry the year of issue in Beijing time (UTC+8), not the server's zone. */
export const beijingYear = (at: Date): number => new Date(at.getTime() + 8 * 3600_000).getUTCFullYear();

/** `京ICP备2026000001号` (domain.md §9: prefix, 4-digit year, 6-digit serial per province). */
export function formatSubjectNumber(province: ProvinceCode, year: number, serial: number): string {
  if (serial < 1 || serial > 999_999) throw new RangeError(`serial ${serial} out of range for ${province}/${year}`);
  return `${getProvince(province).icpPrefix}ICP备${year}${String(serial).padStart(6, '0')}号`;
}

export const formatWebsiteNumber = (subjectNumber: string, index: number): string => `${subjectNumber}-${index}`;

/** Splits `…号-3` into the subject number and the index; null when it is not a website number. */
export function parseWebsiteNumber(websiteNumber: string): { subjectNumber: string; index: number } | null {
  const m = /^(.+号)-(\d+)$/.exec(websiteNumber.trim());
  return m ? { subjectNumber: m[1]!, index: Number(m[2]) } : null;
}

/**
 * Takes the next serial of the province for the year. The counter row is upserted atomically inside the caller's
 * transaction, so two approvals never share a serial and a rolled-back approval gives its serial back (the
 * administration never saw it). Serials of cancelled subjects stay consumed.
 */
export async function allocateSubjectSerial(trx: SimTrx, province: string, year: number): Promise<number> {
  const row = await trx
    .insertInto('sim_serial_counter')
    .values({ province, year, next_serial: 2 })
    .onConflict((oc) =>
      oc.columns(['province', 'year']).doUpdateSet({ next_serial: sql`sim_serial_counter.next_serial + 1` }),
    )
    .returning(sql<number>`next_serial - 1`.as('serial'))
    .executeTakeFirstOrThrow();
  return row.serial;
}

/** Makes sure later allocations start after `serial` (used by seeding and createFiledRecord with fixed numbers). */
export async function reserveSubjectSerial(trx: SimTrx, province: string, year: number, serial: number): Promise<void> {
  await trx
    .insertInto('sim_serial_counter')
    .values({ province, year, next_serial: serial + 1 })
    .onConflict((oc) =>
      oc
        .columns(['province', 'year'])
        .doUpdateSet({ next_serial: sql`greatest(sim_serial_counter.next_serial, excluded.next_serial)` }),
    )
    .execute();
}

/** Hands out `count` consecutive `-N` indexes of a subject; the subject's counter only grows. */
export async function allocateWebsiteIndexes(trx: SimTrx, subjectId: number, count: number): Promise<number[]> {
  const row = await trx
    .updateTable('sim_subject')
    .set({ next_website_index: sql`next_website_index + ${count}` })
    .where('id', '=', subjectId)
    .returning(sql<number>`next_website_index - ${count}`.as('first'))
    .executeTakeFirstOrThrow();
  return Array.from({ length: count }, (_, i) => row.first + i);
}
