import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainErrorOf } from '../../../test/support/domain-error.ts';
import { createTestContext } from '../../../test/support/test-context.ts';
import {
  backfillPublicNames,
  insertSubject,
  insertWebsite,
  updateSubjectData,
  updateWebsiteData,
} from '../../adapters/db/records-repo.ts';
import type { AppContext } from '../../app-context.ts';
import { maskName } from '../../domain/privacy/mask.ts';
import { insertAccount } from '../authorization-codes/code-test-fixtures.ts';
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
    const seeded = await seedPublicRecord(ctx, now, {
      name: `北京测试${tag}科技有限公司`,
      sites: [
        { domain, name: '测试商城' },
        { domain: `blog-${tag}.cn`, name: '测试博客' },
      ],
    });
    for (const q of [domain, `WWW.${domain.toUpperCase()}`, `https://${domain}/index.html`]) {
      const records = await lookupPublicRecords(ctx, { domain: q });
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
    await seedPublicRecord(ctx, now, {
      name: `某IDN${tag}单位`,
      sites: [{ domain: ascii, domainUnicode: unicode, name: '中文站' }],
    });
    const [record] = await lookupPublicRecords(ctx, { domain: `www.${unicode}` });
    expect(record?.websites).toEqual([expect.objectContaining({ domain: unicode })]);
  });

  it('finds a subject number with its active websites, and a website number with that website only', async () => {
    const seeded = await seedPublicRecord(ctx, now, {
      name: `号码${tag}公司`,
      sites: [
        { domain: `one-${tag}.com`, name: '一号站' },
        { domain: `two-${tag}.com`, name: '二号站', status: 'cancelled' },
        { domain: `three-${tag}.com`, name: '三号站' },
      ],
    });
    const bySubject = await lookupPublicRecords(ctx, { number: ` ${seeded.number} ` });
    expect(bySubject).toHaveLength(1);
    expect(bySubject[0]!.websites.map((w) => w.name)).toEqual(['一号站', '三号站']);

    const byWebsite = await lookupPublicRecords(ctx, { number: seeded.websiteNumbers[2]!.replace('-', '－') });
    expect(byWebsite[0]!.websites.map((w) => w.number)).toEqual([seeded.websiteNumbers[2]]);
    expect(await lookupPublicRecords(ctx, { number: seeded.websiteNumbers[1]! })).toEqual([]);
    expect(await lookupPublicRecords(ctx, { number: '京ICP备0000000000号' })).toEqual([]);
  });

  it('finds units by exact or prefix name, never cancelled ones', async () => {
    await seedPublicRecord(ctx, now, { name: `前缀${tag}`, sites: [] });
    await seedPublicRecord(ctx, now, {
      name: `前缀${tag}网络有限公司`,
      sites: [{ domain: `p-${tag}.net`, name: '网' }],
    });
    await seedPublicRecord(ctx, now, { name: `前缀${tag}已注销公司`, status: 'cancelled', sites: [] });
    const found = await lookupPublicRecords(ctx, { subjectName: `前缀${tag}` });
    expect(found.map((r) => r.subject.name)).toEqual([`前缀${tag}`, `前缀${tag}网络有限公司`]);
    // LIKE wildcards in the query are literal characters.
    expect(await lookupPublicRecords(ctx, { subjectName: `%${tag}` })).toEqual([]);
    expect(await lookupPublicRecords(ctx, { subjectName: `前缀${tag}` }, 1)).toHaveLength(1);
  });

  it('finds an individual by the exact full name only, shown masked; the masked form finds nothing', async () => {
    const fullName = `王${tag}明`;
    const seeded = await seedPublicRecord(ctx, now, {
      name: fullName,
      type: 'individual',
      province: 'guangdong',
      sites: [{ domain: `wang-${tag}.cn`, name: `${fullName}的个人博客` }],
    });
    const masked = seeded.publicName;
    expect(masked).toBe(`王${'*'.repeat([...fullName].length - 1)}`);

    for (const spelling of [
      fullName,
      ` ${fullName} `,
      fullName.normalize('NFKC').replace(/[0-9a-f]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
    ]) {
      const [person] = await lookupPublicRecords(ctx, { subjectName: spelling });
      expect(person?.subject, spelling).toMatchObject({ name: masked, typeLabel: '个人', provinceName: '广东' });
      // The website name shows the person's name masked, as the subject is.
      expect(person?.websites.map((w) => w.name)).toEqual([`${masked}的个人博客`]);
      expect(JSON.stringify(person)).not.toContain(fullName);
    }
    // Neither the masked form (it enumerated every 王* filing) nor a prefix of the full name finds the person.
    expect(await lookupPublicRecords(ctx, { subjectName: masked })).toEqual([]);
    expect(await lookupPublicRecords(ctx, { subjectName: `王${tag}` })).toEqual([]);

    // Found by domain too, the website name masked there as well.
    const [byDomain] = await lookupPublicRecords(ctx, { domain: `wang-${tag}.cn` });
    expect(byDomain?.websites[0]?.name).toBe(`${masked}的个人博客`);
    expect(JSON.stringify(byDomain)).not.toContain(fullName);
  });

  it('backfills rows written before migration 0004, and masks meanwhile rather than show the name', async () => {
    const fullName = `李${tag}华`;
    await seedPublicRecord(ctx, now, {
      name: fullName,
      type: 'individual',
      backfilled: false,
      sites: [{ domain: `li-${tag}.cn`, name: `${fullName}作品集` }],
    });
    expect(await lookupPublicRecords(ctx, { subjectName: fullName })).toEqual([]);
    const [before] = await lookupPublicRecords(ctx, { domain: `li-${tag}.cn` });
    expect(before?.websites[0]?.name).not.toContain(fullName);

    const filled = await backfillPublicNames(ctx.db, ctx.cipher);
    expect(filled.subjects).toBeGreaterThanOrEqual(1);
    expect((await backfillPublicNames(ctx.db, ctx.cipher)).subjects).toBe(0); // idempotent

    const [after] = await lookupPublicRecords(ctx, { subjectName: fullName });
    expect(after?.websites.map((w) => w.name)).toEqual([`李${'*'.repeat([...fullName].length - 1)}作品集`]);
  });

  it('keeps the index and the website public name current through the records repository', async () => {
    const accountId = await insertAccount(ctx.db, now);
    const subjectId = crypto.randomUUID();
    const fullName = `赵${tag}钱`;
    const subject = { subjectType: 'individual', sponsorName: fullName, province: 'beijing' } as never;
    await insertSubject(ctx.db, ctx.cipher, {
      id: subjectId,
      accountId,
      province: 'beijing',
      subjectType: 'individual',
      icpNumber: `京ICP备2027${tag.slice(0, 6).replace(/[a-f]/g, '1')}号`,
      publicName: maskName(fullName),
      data: subject,
      approvedAt: now,
      certificateIndex: `bidx-${tag}`,
    });
    const websiteId = crypto.randomUUID();
    const site = { name: `${fullName}的小站`, domain: `zhao-${tag}.cn` } as never;
    await insertWebsite(ctx.db, ctx.cipher, {
      id: websiteId,
      subjectId,
      accountId,
      domain: `zhao-${tag}.cn`,
      domainUnicode: `zhao-${tag}.cn`,
      name: `${fullName}的小站`,
      icpNumber: `京ICP备2027${tag}号-1`,
      authorizationCode: null,
      data: site,
      approvedAt: now,
    });
    const names = async (q: string) =>
      (await lookupPublicRecords(ctx, { subjectName: q })).flatMap((r) => r.websites.map((w) => w.name));
    expect(await names(fullName)).toEqual([`赵${'*'.repeat([...fullName].length - 1)}的小站`]);

    await updateWebsiteData(ctx.db, ctx.cipher, websiteId, { name: `${fullName}新站` } as never, now);
    expect(await names(fullName)).toEqual([`赵${'*'.repeat([...fullName].length - 1)}新站`]);

    // A change of subject moves the index to the new name and re-masks the websites with it.
    const renamed = `孙${tag}李`;
    await updateWebsiteData(ctx.db, ctx.cipher, websiteId, { name: `${renamed}的站` } as never, now);
    await updateSubjectData(
      ctx.db,
      ctx.cipher,
      subjectId,
      {
        data: { ...(subject as object), sponsorName: renamed } as never,
        publicName: maskName(renamed),
        subjectType: 'individual',
        certificateIndex: `bidx-${tag}`,
      },
      now,
    );
    expect(await names(fullName)).toEqual([]);
    expect(await names(renamed)).toEqual([`孙${'*'.repeat([...renamed].length - 1)}的站`]);
  });

  it('needs exactly one criterion and at least 2 characters of a name', async () => {
    expect((await failure(lookupPublicRecords(ctx, {}))).code).toBe('VALIDATION_FAILED');
    expect((await failure(lookupPublicRecords(ctx, { domain: 'a.cn', number: 'x' }))).code).toBe('VALIDATION_FAILED');
    expect((await failure(lookupPublicRecords(ctx, { subjectName: '张' }))).code).toBe('VALIDATION_FAILED');
    expect((await failure(lookupPublicRecords(ctx, { domain: '   ' }))).code).toBe('VALIDATION_FAILED');
  });
});
