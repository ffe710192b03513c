import { Alert, App, Button, DatePicker, Form, Input, Popconfirm, Radio, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router';
import type { CalendarDay, CalendarDayKind } from '../../../../../src/contracts/calendar-api.ts';
import { ErrorAlert, QueryState } from '../../../components/query-state.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { pick } from '../../../i18n/message.ts';
import { useCalendarYear, useDeleteCalendarDay, useSaveCalendarDays } from '../api/working-calendar.ts';
import { cal } from '../calendar-messages.ts';

type DaysForm = { dates: [Dayjs, Dayjs]; kind: CalendarDayKind; name: string };

/** 周一 / Mo beside a date, so an admin sees at once that a make-up day is a weekend and a holiday a weekday. */
function useWeekday() {
  const { locale } = useI18n();
  const names = pick(cal.weekdays, locale).split(',');
  return (date: string) => names[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? '';
}

function AddDaysForm({ year }: { year: number }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const save = useSaveCalendarDays();
  const [form] = Form.useForm<DaysForm>();
  return (
    <Form<DaysForm>
      form={form}
      layout="vertical"
      initialValues={{ kind: 'holiday' }}
      onFinish={(v) => {
        const [from, to] = v.dates;
        save.mutate(
          { from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD'), kind: v.kind, name: v.name },
          {
            onSuccess: () => {
              void message.success(t(cal.saved, { n: to.diff(from, 'day') + 1 }));
              form.resetFields(['dates', 'name']);
            },
          },
        );
      }}
    >
      <Space wrap align="start" size="middle">
        <Form.Item
          name="dates"
          label={t(cal.dates)}
          rules={[{ required: true, message: pick(cal.datesRequired, locale) }]}
        >
          <DatePicker.RangePicker
            // A span stays inside the chosen year (the server takes one year at a time, at most 31 days).
            defaultPickerValue={[dayjs(`${year}-01-01`), dayjs(`${year}-01-01`)]}
            disabledDate={(d) => d.year() !== year}
          />
        </Form.Item>
        <Form.Item name="kind" label={t(cal.kind)}>
          <Radio.Group
            options={[
              { value: 'holiday', label: t(cal.holiday) },
              { value: 'workday', label: t(cal.workday) },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t(cal.name)}
          rules={[{ required: true, whitespace: true, message: pick(cal.nameRequired, locale) }]}
        >
          <Input maxLength={40} placeholder={t(cal.namePlaceholder)} />
        </Form.Item>
      </Space>
      <div aria-live="polite">{save.error ? <ErrorAlert error={save.error} /> : null}</div>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t(cal.save)}
      </Button>
    </Form>
  );
}

/** 运营管理 → 工作日历: where a year's working days come from, and the provider's own entries over it. */
export function WorkingCalendarPanel() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const thisYear = new Date().getFullYear();
  const years = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2];
  // In the address with the tab, so a reload or a shared link stays on the year.
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('year'));
  const year = years.includes(asked) ? asked : thisYear;
  const setYear = (y: number) =>
    setParams(
      (p) => {
        p.set('year', String(y));
        return p;
      },
      { replace: true },
    );
  const calendar = useCalendarYear(year);
  const remove = useDeleteCalendarDay();
  const weekday = useWeekday();
  const source = calendar.data?.source;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        <label htmlFor="calendar-year">{t(cal.year)}</label>
        <Select
          id="calendar-year"
          value={year}
          onChange={setYear}
          style={{ width: 110 }}
          options={years.map((y) => ({ value: y, label: String(y) }))}
        />
      </Space>
      {source && (
        <Alert
          type={source === 'none' ? 'warning' : 'info'}
          showIcon
          title={t(
            source === 'library' ? cal.sourceLibrary : source === 'provider' ? cal.sourceProvider : cal.sourceNone,
            { year },
          )}
        />
      )}
      <AddDaysForm key={year} year={year} />
      <div aria-live="assertive">{remove.error ? <ErrorAlert error={remove.error} /> : null}</div>
      <QueryState query={calendar}>
        {(data) => (
          <Table<CalendarDay>
            rowKey="date"
            size="middle"
            dataSource={data.days}
            pagination={{ pageSize: 40, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t(cal.empty) }}
            columns={[
              { title: t(cal.colDate), key: 'date', render: (_v, d) => `${d.date} ${weekday(d.date)}` },
              {
                title: t(cal.colKind),
                key: 'kind',
                render: (_v, d) =>
                  d.kind === 'holiday' ? (
                    <Tag color="error">{t(cal.holidayShort)}</Tag>
                  ) : (
                    <Tag color="processing">{t(cal.workdayShort)}</Tag>
                  ),
              },
              { title: t(cal.colName), dataIndex: 'name', key: 'name' },
              {
                title: t(cal.colUpdated),
                key: 'updated',
                responsive: ['md'],
                render: (_v, d) => dayjs(d.updatedAt).format('YYYY-MM-DD HH:mm'),
              },
              {
                title: '',
                key: 'act',
                render: (_v, d) => (
                  <Popconfirm
                    title={t(cal.removeConfirm)}
                    okText={t(cal.remove)}
                    onConfirm={() => remove.mutate(d.date, { onSuccess: () => void message.success(t(cal.removed)) })}
                  >
                    <Button size="small" danger>
                      {t(cal.remove)}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </Space>
  );
}
