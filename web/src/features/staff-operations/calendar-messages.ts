import { defineMessages } from '../../i18n/message.ts';

/** Texts of 运营管理 → 工作日历 (the working-day calendar the SLA clocks count on). */
export const cal = defineMessages({
  tab: { zh: '工作日历', en: 'Working calendar' },
  year: { zh: '年份', en: 'Year' },
  sourceLibrary: {
    zh: '{year} 年的法定节假日与调休已由内置日历提供。国务院通知如有更正，可在下方补录，补录的日期优先。',
    en: 'The built-in calendar holds the public holidays and make-up working days of {year}. Enter a correction from the State Council notice below; an entered date wins.',
  },
  sourceProvider: {
    zh: '{year} 年使用下方录入的节假日安排（内置日历尚未包含该年）。',
    en: '{year} uses the holidays entered below (the built-in calendar does not hold that year yet).',
  },
  sourceNone: {
    zh: '内置日历尚未包含 {year} 年的节假日安排，在录入之前审核时限按周一至周五计算。请按国务院办公厅发布的放假通知录入法定节假日和调休上班日。',
    en: 'The built-in calendar does not hold {year} yet: until its holidays are entered, review time limits count Monday to Friday. Enter the public holidays and make-up working days from the State Council notice.',
  },
  add: { zh: '录入日期', en: 'Enter dates' },
  dates: { zh: '日期（可选一段）', en: 'Dates (a span)' },
  datesRequired: { zh: '请选择日期', en: 'Choose the dates' },
  kind: { zh: '类型', en: 'Kind' },
  holiday: { zh: '法定节假日（休息）', en: 'Public holiday (off)' },
  workday: { zh: '调休上班', en: 'Make-up working day' },
  holidayShort: { zh: '休', en: 'Off' },
  workdayShort: { zh: '班', en: 'Work' },
  name: { zh: '名称', en: 'Name' },
  namePlaceholder: { zh: '如：春节', en: 'e.g. Spring Festival' },
  nameRequired: { zh: '请填写名称', en: 'Enter a name' },
  save: { zh: '保存', en: 'Save' },
  saved: { zh: '已保存 {n} 天', en: '{n} day(s) saved' },
  colDate: { zh: '日期', en: 'Date' },
  colKind: { zh: '类型', en: 'Kind' },
  colName: { zh: '名称', en: 'Name' },
  colUpdated: { zh: '录入时间', en: 'Entered' },
  remove: { zh: '删除', en: 'Remove' },
  removeConfirm: {
    zh: '删除后该日期恢复为内置日历（或周一至周五）的安排。',
    en: 'The date goes back to the built-in calendar (or Monday to Friday).',
  },
  removed: { zh: '已删除', en: 'Removed' },
  empty: { zh: '本年度没有录入的日期', en: 'No dates entered for this year' },
  weekdays: { zh: '周日,周一,周二,周三,周四,周五,周六', en: 'Su,Mo,Tu,We,Th,Fr,Sa' },
});
