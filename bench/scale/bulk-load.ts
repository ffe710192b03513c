import { createHash } from 'node:crypto';
import type pg from 'pg';
import { subjectNameIndex } from '../../src/adapters/db/records-repo.ts';
import type { PiCipher } from '../../src/domain/ports/pi-cipher.ts';

/**
 * Bulk data for the scale benchmark, generated inside PostgreSQL (generate_series) so a million rows load in a
 * minute or two. Every row is a pure function of its index, so the benchmark can name an existing domain,
 * number or subject name without reading it back: website j belongs to subject ⌊j/2⌋, which belongs to account
 * ⌊j/2⌋; order k belongs to account k. Encrypted columns hold one sealed blob per table (the cipher's
 * associated data is its header, so any blob opens); what the queries measure never decrypts them.
 */
export type LoadedSize = { websites: number; subjects: number; orders: number };

const PROVINCES = ['beijing', 'shanghai', 'guangdong', 'zhejiang', 'jiangsu', 'sichuan', 'hubei', 'shandong'];
export const PROVINCE_PREFIXES = ['京', '沪', '粤', '浙', '苏', '蜀', '鄂', '鲁'];
const CITIES = ['北京', '上海', '广州', '深圳', '杭州', '南京', '成都', '武汉', '济南', '苏州'];
const WORDS = ['星河', '云帆', '晨曦', '远航', '青松', '蓝海', '智联', '启明'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红玲兰凤洁梅琳素云莲真环雪荣爱妹香月莺媛'];

/** An individual's full name (subjects with i % 3 === 0): 8 × 50 × 50 names, so common ones repeat at scale. */
export const individualName = (i: number): string =>
  `${SURNAMES[i % 8]}${GIVEN[Math.floor(i / 8) % GIVEN.length]}${GIVEN[Math.floor(i / 400) % GIVEN.length]}`;

/** Units are subjects whose index is not a multiple of 3; individuals are shown masked (surname + **). */
export const subjectName = (i: number): string =>
  `${CITIES[i % CITIES.length]}${WORDS[Math.floor(i / CITIES.length) % WORDS.length]}${i}科技有限公司`;

export const uuidOf = (prefix: string, i: number): string => {
  const h = createHash('md5').update(`${prefix}${i}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};

/** Order k's state by k mod 50: 60 % approved, the rest spread over the open and closed states. */
const STATE_BUCKETS: [number, string][] = [
  [30, 'approved'],
  [35, 'draft'],
  [39, 'pending_provider_review'],
  [41, 'authenticity_under_review'],
  [43, 'pending_sms_verification'],
  [46, 'pending_admin_review'],
  [47, 'provider_rejected'],
  [48, 'admin_rejected'],
  [49, 'abandoned'],
  [50, 'returned_by_miit'],
];
const stateCase = `CASE ${STATE_BUCKETS.map(([upTo, s]) => `WHEN k % 50 < ${upTo} THEN '${s}'`).join(' ')} END`;

const BATCH = 100_000;

async function inBatches(from: number, to: number, run: (a: number, b: number) => Promise<unknown>) {
  for (let a = from; a < to; a += BATCH) await run(a, Math.min(to, a + BATCH));
}

/** Grows the data set from `have` to `websites` filed websites (subjects = websites / 2, orders = websites / 5). */
export async function bulkLoad(
  pool: pg.Pool,
  cipher: PiCipher,
  have: LoadedSize,
  websites: number,
): Promise<LoadedSize> {
  const want: LoadedSize = { websites, subjects: Math.ceil(websites / 2), orders: Math.floor(websites / 5) };
  const subjectBlob = cipher.encryptJson({ note: 'scale benchmark subject' });
  const websiteBlob = cipher.encryptJson({ note: 'scale benchmark website' });
  const orderBlob = cipher.encryptJson({
    subject: { subjectType: 'enterprise', sponsorName: '北京星河科技有限公司' },
    websites: [{ domain: 'example.cn' }],
  });
  const ts = (v: string) => `timestamptz '2026-01-01T00:00:00Z' + ${v} * interval '1 second'`;
  const subjectNumber = (v: string) => `($1::text[])[${v} % 8 + 1] || 'ICP备' || lpad((${v})::text, 10, '0') || '号'`;

  await inBatches(have.subjects, want.subjects, (a, b) =>
    pool.query(
      `INSERT INTO users (id, email, password_hash, role, display_name, real_name_verified, disabled, created_at)
       SELECT md5('u' || i)::uuid, 'u' || i || '@scale.test', 'not-a-hash', 'applicant', 'scale ' || i, true, false,
         ${ts('i')}
       FROM generate_series($1::int, $2::int - 1) i`,
      [a, b],
    ),
  );
  await inBatches(have.subjects, want.subjects, (a, b) =>
    pool.query(
      `INSERT INTO subjects (id, account_id, province, subject_type, status, icp_number, public_name, data_enc,
         certificate_bidx, approved_at, updated_at)
       SELECT md5('s' || i)::uuid, md5('u' || i)::uuid, ($4::text[])[i % 8 + 1],
         CASE WHEN i % 3 = 0 THEN 'individual' ELSE 'enterprise' END, 'active', ${subjectNumber('i')},
         CASE WHEN i % 3 = 0 THEN ($5::text[])[i % 8 + 1] || '**'
           ELSE ($6::text[])[i % 10 + 1] || ($7::text[])[(i / 10) % 8 + 1] || i || '科技有限公司' END,
         $8, md5('c' || i), ${ts('i')}, ${ts('i')}
       FROM generate_series($2::int, $3::int - 1) i`,
      [PROVINCE_PREFIXES, a, b, PROVINCES, SURNAMES, CITIES, WORDS, subjectBlob],
    ),
  );
  await inBatches(have.websites, want.websites, (a, b) =>
    pool.query(
      `INSERT INTO websites (id, subject_id, account_id, domain, domain_unicode, name, public_name, status,
         icp_number, authorization_code, data_enc, approved_at, updated_at)
       SELECT md5('w' || j)::uuid, md5('s' || (j / 2))::uuid, md5('u' || (j / 2))::uuid, 'site' || j || '.cn',
         'site' || j || '.cn', '网站' || j, '网站' || j, 'active', ${subjectNumber('(j / 2)')} || '-' || (j % 2 + 1), NULL, $4,
         ${ts('j')}, ${ts('j')}
       FROM generate_series($2::int, $3::int - 1) j`,
      [PROVINCE_PREFIXES, a, b, websiteBlob],
    ),
  );
  await inBatches(have.orders, want.orders, (a, b) =>
    pool.query(
      `INSERT INTO filing_orders (id, account_id, subject_id, type, state, verification_stage, version, province,
         data_enc, determination, target_website_ids, submission_count, submitted_at, last_submitted_at,
         last_activity_at, created_at, updated_at, closed_at)
       SELECT md5('o' || k)::uuid, md5('u' || k)::uuid, NULL, 'first_filing', st, 'after_provider_review', 3,
         ($3::text[])[k % 8 + 1], $4, '{}'::jsonb, '[]'::jsonb, CASE WHEN st = 'draft' THEN 0 ELSE 1 END,
         CASE WHEN st = 'draft' THEN NULL ELSE ${ts('k')} END, CASE WHEN st = 'draft' THEN NULL ELSE ${ts('k')} END,
         ${ts('k')}, ${ts('k')}, ${ts('k')}, CASE WHEN st IN ('approved', 'abandoned') THEN ${ts('k')} END
       FROM (SELECT k, ${stateCase} AS st FROM generate_series($1::int, $2::int - 1) k) g`,
      [a, b, PROVINCES, orderBlob],
    ),
  );
  // The blind index needs the PI key, so it is computed here and written in batches.
  for (let a = have.subjects; a < want.subjects; a += 20_000) {
    const ids: string[] = [];
    const bidx: string[] = [];
    for (let i = a + ((3 - (a % 3)) % 3); i < Math.min(want.subjects, a + 20_000); i += 3) {
      ids.push(uuidOf('s', i));
      bidx.push(subjectNameIndex(cipher, individualName(i)));
    }
    await pool.query(
      'UPDATE subjects s SET name_bidx = v.b FROM unnest($1::uuid[], $2::text[]) v(id, b) WHERE s.id = v.id',
      [ids, bidx],
    );
  }
  await pool.query('ANALYZE users, subjects, websites, filing_orders');
  return want;
}
