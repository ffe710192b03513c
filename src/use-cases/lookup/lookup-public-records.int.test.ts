import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainErrorOf } from '../../../test/support/domain-error.ts';
import { createTestContext } from '../../../test/support/test-context.ts';
import type { AppContext } from '../../app-context.ts';
import { lookupPublicRecords } from './lookup-public-records.ts';
import { PI_MARKERS, seedPublicRecord } from './lookup-test-fixtures.ts';

let ctx: AppContext;
let close: () => Promise<void>;
let now: Date;
const tag = crypto.randomUUID().slice(0, 8);

beforeAll(async () => {
  ({ ctx, close } = await createTestContext());
  now = ctx.clock.now();
});
afterAll(() => close());

const failure = domainErrorOf;

describe('lookupPublicRecords', () => {
  it('finds a website by domain in any spelling and shows only public fields', async () => {
    const domain = `shop-${tag}.cn`;
    const seeded = await seedPublicRecord(ctx.db, now, {
      name: `北京测试${tag}科技有限公司`,
      sites: [
        { domain, name: '测试商城' },
        { domain: `blog-${tag}.cn`, name: '测试博客' },
      ],
    });
    for (const q of [domain, `WWW.${domain.toUpperCase()}`, `https://${domain}/index.html`]) {
      const records = await lookupPublicRecords(ctx.db, { domain: q });
      expect(records).toEqual([
        {
          subject: {
            name: `北京测试${tag}科技有限公司`,
            type: 'enterprise',
            typeLabel: '企业',
            number: seeded.number,
            province: 'beijing',
            provinceName: '北京',
            approvedAt: now,
          },
          websites: [{ name: '测试商城', domain, number: seeded.websiteNumbers[0], approvedAt: now }],
        },
      ]);
      const text = JSON.stringify(records);
      for (const marker of [...PI_MARKERS, seeded.accountId, seeded.subjectId]) expect(text).not.toContain(marker);
    }
  });

  it('finds an IDN website by its Unicode form and shows the Unicode form', async () => {
    const unicode = `测试${tag}.中国`;
    const ascii = new URL(`http://${unicode}`).hostname;
    await seedPublicRecord(ctx.db, now, {
      name: `某IDN${tag}单位`,
      sites: [{ domain: ascii, domainUnicode: unicode, name: '中文站' }],
    });
    const [record] = await lookupPublicRecords(ctx.db, { domain: `www.${unicode}` });
    expect(record?.websites).toEqual([expect.objectContaining({ domain: unicode })]);
  });

  it('finds a subject number with its active websites, and a website number with that website only', async () => {
    const seeded = await seedPublicRecord(ctx.db, now, {
      name: `号码${tag}公司`,
      sites: [
        { domain: `one-${tag}.com`, name: '一号站' },
        { domain: `two-${tag}.com`, name: '二号站', status: 'cancelled' },
        { domain: `three-${tag}.com`, name: '三号站' },
      ],
    });
    const bySubject = await lookupPublicRecords(ctx.db, { number: ` ${seeded.number} ` });
    expect(bySubject).toHaveLength(1);
    expect(bySubject[0]!.websites.map((w) => w.name)).toEqual(['一号站', '三号站']);

    const byWebsite = await lookupPublicRecords(ctx.db, { number: seeded.websiteNumbers[2]!.replace('-', '－') });
    expect(byWebsite[0]!.websites.map((w) => w.number)).toEqual([seeded.websiteNumbers[2]]);
    expect(await lookupPublicRecords(ctx.db, { number: seeded.websiteNumbers[1]! })).toEqual([]);
    expect(await lookupPublicRecords(ctx.db, { number: '京ICP备0000000000号' })).toEqual([]);
  });

  it('finds subjects by exact or prefix name, including masked individuals, never cancelled ones', async () => {
    await seedPublicRecord(ctx.db, now, { name: `前缀${tag}`, sites: [] });
    await seedPublicRecord(ctx.db, now, {
      name: `前缀${tag}网络有限公司`,
      sites: [{ domain: `p-${tag}.net`, name: '网' }],
    });
    await seedPublicRecord(ctx.db, now, { name: `前缀${tag}已注销公司`, status: 'cancelled', sites: [] });
    const found = await lookupPublicRecords(ctx.db, { subjectName: `前缀${tag}` });
    expect(found.map((r) => r.subject.name)).toEqual([`前缀${tag}`, `前缀${tag}网络有限公司`]);

    await seedPublicRecord(ctx.db, now, { name: `张*${tag}`, type: 'individual', province: 'guangdong', sites: [] });
    const [person] = await lookupPublicRecords(ctx.db, { subjectName: `张*${tag}` });
    expect(person?.subject).toMatchObject({ name: `张*${tag}`, typeLabel: '个人', provinceName: '广东' });
    // LIKE wildcards in the query are literal characters.
    expect(await lookupPublicRecords(ctx.db, { subjectName: `%${tag}` })).toEqual([]);
    expect(await lookupPublicRecords(ctx.db, { subjectName: `前缀${tag}` }, 1)).toHaveLength(1);
  });

  it('needs exactly one criterion and at least 2 characters of a name', async () => {
    expect((await failure(lookupPublicRecords(ctx.db, {}))).code).toBe('VALIDATION_FAILED');
    expect((await failure(lookupPublicRecords(ctx.db, { domain: 'a.cn', number: 'x' }))).code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await failure(lookupPublicRecords(ctx.db, { subjectName: '张' }))).code).toBe('VALIDATION_FAILED');
    expect((await failure(lookupPublicRecords(ctx.db, { domain: '   ' }))).code).toBe('VALIDATION_FAILED');
  });
});
