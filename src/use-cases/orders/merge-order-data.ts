import type { OrderData, Person } from '../../contracts/filing-data.ts';
import { DomainError } from '../../domain/errors.ts';
import { FILING_TYPE_INFO } from '../../domain/filing-type.ts';
import type { Order } from '../../domain/order.ts';
import { maskOrderData, maskPerson } from '../../domain/privacy/mask.ts';

/**
 * Keeps stored personal data when the client sends back the masked form it was shown: responses are masked by
 * default, so a form that re-posts what it displayed must not overwrite the real values with stars.
 */
export function keepUnchangedMaskedValues(incoming: unknown, stored: unknown, masked: unknown): unknown {
  if (Array.isArray(incoming)) {
    return incoming.map((v, i) =>
      keepUnchangedMaskedValues(
        v,
        Array.isArray(stored) ? stored[i] : undefined,
        Array.isArray(masked) ? masked[i] : undefined,
      ),
    );
  }
  if (incoming && typeof incoming === 'object') {
    const s = (stored ?? {}) as Record<string, unknown>;
    const m = (masked ?? {}) as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(incoming as Record<string, unknown>).map(([k, v]) => [
        k,
        keepUnchangedMaskedValues(v, s[k], m[k]),
      ]),
    );
  }
  if (typeof incoming === 'string' && typeof stored === 'string' && incoming !== stored && incoming === masked) {
    return stored;
  }
  return incoming;
}

const fieldError = (field: string, reason: string) =>
  new DomainError('VALIDATION_FAILED', { details: { issues: [{ field, message: reason }] } });

/**
 * Applies the edit rules of the order's type to the data the applicant sent (domain.md §2.2): what a type may
 * not change is refused with the field named, never silently dropped.
 */
export function mergeOrderData(
  order: Order,
  incoming: OrderData,
  filedSubjectPerson?: Partial<Person> | undefined,
): OrderData {
  const info = FILING_TYPE_INFO[order.type];
  const data = keepUnchangedMaskedValues(incoming, order.data, maskOrderData(order.data)) as OrderData;
  // "同主体负责人" copies the subject's responsible person as the form shows it, i.e. masked; the stars stand for
  // the subject person's real values (the order's own subject, or the filed subject for 新增网站 and the changes).
  const subjectPerson = data.subject?.responsiblePerson ?? filedSubjectPerson;
  if (subjectPerson) {
    const masked = maskPerson(subjectPerson);
    data.websites = data.websites.map((w) =>
      w.sameAsSubjectResponsible && w.responsiblePerson
        ? {
            ...w,
            responsiblePerson: keepUnchangedMaskedValues(
              w.responsiblePerson,
              subjectPerson,
              masked,
            ) as typeof w.responsiblePerson,
          }
        : w,
    );
  }

  if (data.subject && !info.carriesSubjectData)
    throw fieldError('subject', 'this filing type does not edit subject data');
  if (data.websites.length > 0 && !info.carriesWebsiteData) {
    throw fieldError('websites', 'this filing type does not edit website data');
  }
  if (order.type === 'change_subject' && !order.data.changeScope?.websites && data.websites.length > 0) {
    throw fieldError('websites', 'this subject change was started without website changes');
  }
  const changeScope = order.data.changeScope;
  const merged: OrderData = { ...data, ...(changeScope && { changeScope }) };

  if (info.category === 'new' || info.category === 'access') {
    // The first website is the domain the system determined the type for; it cannot be swapped afterwards.
    const first = merged.websites[0];
    if (!first || (order.determination.domain && first.domain !== order.determination.domain)) {
      throw fieldError('websites.0.domain', 'the determined domain cannot be changed; start a new filing instead');
    }
    if (info.category === 'access' && merged.websites.length > 1) {
      throw fieldError('websites', 'an access filing covers exactly one filed domain');
    }
  }
  if (info.category === 'change' && order.type !== 'change_subject') {
    const allowed = new Set(order.targetWebsiteIds);
    merged.websites.forEach((w, i) => {
      if (!w.websiteId || !allowed.has(w.websiteId))
        throw fieldError(`websites.${i}.websiteId`, 'not a website of this order');
    });
  }
  if (order.type === 'change_access') {
    // 变更接入 changes only the IPs and the associated authorization code.
    merged.websites = merged.websites.map((w) => {
      const before = order.data.websites.find((o) => o.websiteId === w.websiteId) ?? {};
      return {
        ...before,
        ipAddresses: w.ipAddresses ?? before.ipAddresses,
        authorizationCode: w.authorizationCode ?? before.authorizationCode,
      };
    });
  }
  return merged;
}
