import type { OrderData, RejectionReason } from '../../../../src/contracts/filing-data.ts';
import { FILING_TYPE_INFO } from '../../../../src/contracts/reference-data.ts';
import type { Message } from '../../i18n/message.ts';
import type { OrderView } from '../orders/api/get-order.ts';
import { wizardText } from './messages.ts';

/** The wizard's pure logic: which steps an order has, what the form sends, what a rejection lets the user edit. */
export type StepKey = 'check' | 'subject' | 'websites' | 'cancel' | 'materials' | 'verification' | 'confirm';

export const STEP_TITLES: Record<StepKey, Message> = {
  check: wizardText.stepCheck,
  subject: wizardText.stepSubject,
  websites: wizardText.stepWebsites,
  cancel: wizardText.stepCancel,
  materials: wizardText.stepMaterials,
  verification: wizardText.stepVerification,
  confirm: wizardText.stepConfirm,
};

/** Contract maximum of websites in one order (OrderDataSchema); the province pre-check may allow fewer. */
export const MAX_WEBSITES = 10;

type OrderLike = Pick<OrderView, 'type' | 'verificationStage' | 'data'>;

export function carriesWebsites(order: OrderLike): boolean {
  const info = FILING_TYPE_INFO[order.type];
  if (!info.carriesWebsiteData) return false;
  // A subject change started without website changes edits only the subject.
  if (order.type === 'change_subject') return order.data.changeScope?.websites === true;
  return true;
}

export function stepsFor(order: OrderLike): StepKey[] {
  const info = FILING_TYPE_INFO[order.type];
  const steps: StepKey[] = [];
  if (order.type === 'add_website_subject_here') steps.push('check');
  if (info.carriesSubjectData) steps.push('subject');
  if (carriesWebsites(order)) steps.push('websites');
  if (info.category === 'cancel') steps.push('cancel');
  else steps.push('materials');
  if (order.verificationStage === 'before_submit' && info.needsAuthenticityVerification) steps.push('verification');
  steps.push('confirm');
  return steps;
}

/** The step where a field (or finding/rejection path) is entered. */
export function stepOfPath(path: string, steps: StepKey[]): StepKey {
  const parts = path.split('.');
  const head = parts[0];
  const want: StepKey = parts.includes('materials')
    ? 'materials'
    : head === 'subject'
      ? 'subject'
      : head === 'websites'
        ? 'websites'
        : head === 'cancelReason'
          ? 'cancel'
          : head === 'authenticity' || head === 'verification'
            ? 'verification'
            : 'materials';
  return steps.includes(want) ? want : steps.includes('materials') ? 'materials' : 'confirm';
}

/** Whether `path` lies inside `prefix` on segment boundaries (`websites.0` contains `websites.0.name`). */
export const pathWithin = (path: string, prefix: string): boolean => path === prefix || path.startsWith(`${prefix}.`);

export const pathOf = (name: (string | number)[]): string => name.join('.');

/** The newest rejection when the order is back with the applicant after one (its reasons decide what is editable). */
export function activeRejection(order: Pick<OrderView, 'state' | 'rejections'>) {
  if (order.state === 'draft') return null;
  const latest = [...order.rejections].sort((a, b) => a.at.localeCompare(b.at)).at(-1);
  return latest && latest.reasons.length > 0 ? latest : null;
}

/**
 * In rejected mode only the fields a reason names (or lies inside) can be edited; a reason on a whole object
 * (`websites.0.responsiblePerson`) opens all its fields. Without a rejection everything is editable.
 * A rejected website person who was copied from the subject (同主体负责人) would stay locked to the subject's
 * values, so such a reason also opens that website's 同主体负责人 switch: the applicant can name the right person.
 */
export function editableChecker(reasons: RejectionReason[] | null): (path: string) => boolean {
  if (!reasons) return () => true;
  const fields = reasons.map((r) => r.field);
  const switches = fields.flatMap((f) => {
    const m = /^websites\.(\d+)\.responsiblePerson(\.|$)/.exec(f);
    return m ? [`websites.${m[1]}.sameAsSubjectResponsible`] : [];
  });
  return (path) => fields.some((f) => pathWithin(path, f)) || switches.includes(path);
}

export const isMaterialsReason = (r: RejectionReason) => {
  const parts = r.field.split('.');
  const head = parts[0];
  return parts.includes('materials') || (head !== 'subject' && head !== 'websites' && head !== 'cancelReason');
};

/** Strings shown masked by the server (`138****5678`): left unchanged, they keep the stored value. */
export function maskedValues(data: unknown, into = new Set<string>()): Set<string> {
  if (typeof data === 'string') {
    if (data.includes('*')) into.add(data);
  } else if (Array.isArray(data)) for (const v of data) maskedValues(v, into);
  else if (data && typeof data === 'object') for (const v of Object.values(data)) maskedValues(v, into);
  return into;
}

/** Drops empty values so a half-filled draft is a valid partial OrderData. */
function clean(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(clean).filter((v) => v !== undefined);
    return items;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const c = clean(v);
      if (c === undefined) continue;
      // The contract wants at least one language and one IP when the list is present.
      if ((k === 'languages' || k === 'ipAddresses') && Array.isArray(c) && c.length === 0) continue;
      out[k] = c;
    }
    return out;
  }
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' && value.trim() === '') return undefined;
  return value;
}

export type FormValues = {
  subject?: Record<string, unknown>;
  websites?: Record<string, unknown>[];
  cancelReason?: string;
};

/** What the form sends to PUT …/data: only the parts this filing type carries. */
export function toOrderData(order: OrderLike, values: FormValues): OrderData {
  const info = FILING_TYPE_INFO[order.type];
  const websites = carriesWebsites(order)
    ? ((clean(values.websites ?? []) as Record<string, unknown>[]).map((w) => {
        const pre = Array.isArray(w.preApprovals)
          ? (w.preApprovals as Record<string, unknown>[]).filter((p) => p.type && p.permitNumber)
          : [];
        return { ...w, preApprovals: pre };
      }) as OrderData['websites'])
    : [];
  const subject = info.carriesSubjectData ? (clean(values.subject ?? {}) as OrderData['subject']) : undefined;
  const cancelReason = info.category === 'cancel' ? (clean(values.cancelReason) as string | undefined) : undefined;
  return {
    ...(subject && Object.keys(subject).length > 0 && { subject }),
    websites,
    ...(cancelReason !== undefined && { cancelReason }),
  };
}

/** The form's starting values from the saved order. */
export function toFormValues(order: OrderLike): FormValues {
  const websites = order.data.websites.map((w) => ({
    ...w,
    ipAddresses: w.ipAddresses && w.ipAddresses.length > 0 ? w.ipAddresses : [''],
    languages: w.languages ?? ['zh_hans'],
    preApprovals: w.preApprovals ?? [],
    sameAsSubjectResponsible: w.sameAsSubjectResponsible ?? false,
    responsiblePerson: { idType: 'resident_id', ...w.responsiblePerson },
  }));
  const subject = order.data.subject ?? {};
  return {
    subject: { ...subject, responsiblePerson: { idType: 'resident_id', ...subject.responsiblePerson } },
    websites: carriesWebsites(order) && websites.length === 0 ? [emptyWebsite()] : websites,
    ...(order.data.cancelReason !== undefined && { cancelReason: order.data.cancelReason }),
  };
}

export const emptyWebsite = (): Record<string, unknown> => ({
  languages: ['zh_hans'],
  ipAddresses: [''],
  preApprovals: [],
  sameAsSubjectResponsible: false,
  responsiblePerson: { idType: 'resident_id', isLegalPerson: false },
});

/** Whether a date (YYYY-MM-DD) is more than 3 months after today. */
export function validMoreThan3Months(value: string, today: Date): boolean {
  if (value === 'long_term') return true;
  const limit = new Date(today);
  limit.setMonth(limit.getMonth() + 3);
  return value > limit.toISOString().slice(0, 10);
}
