import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import {
  CalendarDateSchema,
  CalendarYearQuerySchema,
  CalendarYearSchema,
  SaveCalendarDaysSchema,
} from '../../contracts/calendar-api.ts';
import { deleteCalendarDay, getCalendarYear, saveCalendarDays } from '../../use-cases/operations/working-calendar.ts';
import { requireUser } from '../plugins/auth.ts';

const ADMIN = ['admin'] as const;
const tags = ['admin'];

/** 运营管理 → 工作日历: the provider's holidays and make-up working days over the maintained calendar. */
export const calendarRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/admin/calendar',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: "One year's entries, and where its working days come from (library, provider entries, or none)",
        querystring: CalendarYearQuerySchema,
        response: { 200: CalendarYearSchema },
      },
    },
    async (request) => getCalendarYear(ctx, request.query.year),
  );
  app.post(
    '/admin/calendar/days',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Enter a span of holidays (法定节假日) or make-up working days (调休上班); audited',
        body: SaveCalendarDaysSchema,
        response: { 200: CalendarYearSchema },
      },
    },
    async (request) => saveCalendarDays(ctx, requireUser(request), request.body),
  );
  app.delete(
    '/admin/calendar/days/:date',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Remove one entry (the date goes back to the maintained calendar); audited',
        params: z.object({ date: CalendarDateSchema }).strict(),
        response: { 200: CalendarYearSchema },
      },
    },
    async (request) => deleteCalendarDay(ctx, requireUser(request), request.params.date),
  );
};
