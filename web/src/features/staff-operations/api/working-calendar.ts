import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CalendarYearSchema, type SaveCalendarDays } from '../../../../../src/contracts/calendar-api.ts';
import { api } from '../../../api/client.ts';

const key = (year: number) => ['admin-calendar', year] as const;

/** GET /admin/calendar?year=: the year's entries and where its working days come from. */
export const useCalendarYear = (year: number) =>
  useQuery({
    queryKey: key(year),
    queryFn: ({ signal }) => api(`/admin/calendar?year=${year}`, CalendarYearSchema, { signal }),
  });

/** POST /admin/calendar/days: a span of holidays or make-up working days. */
export const useSaveCalendarDays = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveCalendarDays) => api('/admin/calendar/days', CalendarYearSchema, { method: 'POST', body }),
    onSuccess: (year) => qc.setQueryData(key(year.year), year),
  });
};

/** DELETE /admin/calendar/days/:date. */
export const useDeleteCalendarDay = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (date: string) =>
      api(`/admin/calendar/days/${encodeURIComponent(date)}`, CalendarYearSchema, { method: 'DELETE' }),
    onSuccess: (year) => qc.setQueryData(key(year.year), year),
  });
};
