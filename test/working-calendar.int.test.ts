import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  calendarSource,
  isWorkingDate,
  setCalendarOverrides,
  shanghaiDate,
} from '../src/domain/calendar/working-days.ts';
import { loadWorkingCalendar } from '../src/use-cases/operations/working-calendar.ts';
import { injectJson, type LoggedIn, loginAs } from './support/http.ts';
import { submittedFirstFiling } from './support/journey.ts';
import { createTestPlatform, type TestPlatform } from './support/platform.ts';

/**
 * 运营管理 → 工作日历: admins enter a year's holidays and make-up working days that the maintained calendar data
 * does not hold yet; the working-day clocks count them at once on this instance, and on others at their reload.
 */
let p: TestPlatform;
let admin: LoggedIn;
let reviewer: LoggedIn;
// A year the library will not hold for a long time, so the test owns it.
const YEAR = 2098;

beforeAll(async () => {
  p = await createTestPlatform({ regulator: 'in_process' });
  admin = await loginAs(p.app, p.ctx, 'admin');
  reviewer = await loginAs(p.app, p.ctx, 'reviewer');
});
afterAll(async () => {
  setCalendarOverrides([]);
  await p?.close();
});

const call = (who: LoggedIn, method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown) =>
  injectJson(p.app, {
    method,
    url: `/api/v1/admin/calendar${url}`,
    cookie: who.cookie,
    ...(body !== undefined && { body }),
  });

describe('the working calendar', () => {
  it('a year the library lacks is covered once its holidays are entered, and they count at once', async () => {
    const before = await call(admin, 'GET', `?year=${YEAR}`);
    expect(before.json()).toEqual({ year: YEAR, source: 'none', days: [] });
    // 2098-06-02 is a Monday: a long weekend off, the Saturday before worked instead.
    const saved = await call(admin, 'POST', '/days', {
      from: `${YEAR}-06-02`,
      to: `${YEAR}-06-04`,
      kind: 'holiday',
      name: '端午节',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    await call(admin, 'POST', '/days', { from: `${YEAR}-05-31`, to: `${YEAR}-05-31`, kind: 'workday', name: '调休' });
    const year = (await call(admin, 'GET', `?year=${YEAR}`)).json();
    expect(year.source).toBe('provider');
    expect(year.days.map((d: { date: string; kind: string }) => [d.date, d.kind])).toEqual([
      [`${YEAR}-05-31`, 'workday'],
      [`${YEAR}-06-02`, 'holiday'],
      [`${YEAR}-06-03`, 'holiday'],
      [`${YEAR}-06-04`, 'holiday'],
    ]);
    expect([isWorkingDate(`${YEAR}-06-02`), isWorkingDate(`${YEAR}-05-31`)]).toEqual([false, true]);
    const audit = await p.ctx.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'calendar.days_saved')
      .execute();
    expect(audit.map((a) => (a.details as { days: number }).days)).toEqual([3, 1]);
  });

  it('an entry removed gives the date back to the weekdays rule', async () => {
    const res = await call(admin, 'DELETE', `/days/${YEAR}-06-04`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().days).toHaveLength(3);
    expect(isWorkingDate(`${YEAR}-06-04`)).toBe(true);
    expect((await call(admin, 'DELETE', `/days/${YEAR}-06-04`)).statusCode).toBe(404);
  });

  it('another instance’s change is picked up at the reload', async () => {
    await p.ctx.db
      .insertInto('calendar_days')
      .values({
        date: `${YEAR}-10-01`,
        kind: 'holiday',
        name: '国庆节',
        updated_by: admin.user.id,
        updated_at: new Date(),
      })
      .execute();
    expect(isWorkingDate(`${YEAR}-10-01`)).toBe(true);
    await loadWorkingCalendar(p.ctx.db);
    expect(isWorkingDate(`${YEAR}-10-01`)).toBe(false);
    expect(calendarSource(YEAR)).toBe('provider');
  });

  it('moves the due time of an order already waiting for review when its due day becomes a holiday', async () => {
    const { id } = await submittedFirstFiling(p, 'calendar');
    const dueOf = async () =>
      (await p.ctx.db.selectFrom('filing_orders').select('sla_due_at').where('id', '=', id).executeTakeFirstOrThrow())
        .sla_due_at!;
    const due = await dueOf();
    // The working day the limit runs out on (a due time at midnight belongs to the day before it).
    const day = shanghaiDate(new Date(due.getTime() - 1));
    await call(admin, 'POST', '/days', { from: day, to: day, kind: 'holiday', name: '临时调整' });
    const moved = await dueOf();
    expect(moved.getTime()).toBeGreaterThan(due.getTime());
    expect(shanghaiDate(moved) > day).toBe(true);
    await call(admin, 'DELETE', `/days/${day}`);
    expect((await dueOf()).getTime()).toBe(due.getTime());
  });

  it('refuses a span the wrong way round, over 31 days, across years, or not a date; and non-admins', async () => {
    const bad = [
      { from: `${YEAR}-06-05`, to: `${YEAR}-06-01` },
      { from: `${YEAR}-01-01`, to: `${YEAR}-03-01` },
      { from: `${YEAR}-12-31`, to: `${YEAR + 1}-01-01` },
      { from: `${YEAR}-02-30`, to: `${YEAR}-02-30` },
    ];
    for (const span of bad) {
      const res = await call(admin, 'POST', '/days', { ...span, kind: 'holiday', name: 'x' });
      expect(res.statusCode, JSON.stringify(span)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    // Not a date at all (the fuzzer found this one answering 500): a 400 like any other bad input.
    for (const path of ['/days/2d8b1923-7394-4690-b1c7-8c1778facac1', `/days/${YEAR}-02-30`]) {
      expect((await call(admin, 'DELETE', path)).statusCode, path).toBe(400);
    }
    expect((await call(reviewer, 'GET', `?year=${YEAR}`)).statusCode).toBe(403);
    const refused = await call(reviewer, 'POST', '/days', {
      from: `${YEAR}-07-01`,
      to: `${YEAR}-07-01`,
      kind: 'holiday',
      name: 'x',
    });
    expect(refused.statusCode).toBe(403);
  });
});
