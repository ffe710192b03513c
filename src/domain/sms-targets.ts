import type { ChangeScope, Person } from '../contracts/filing-data.ts';
import { DomainError } from './errors.ts';
import type { FilingType } from './filing-type.ts';
import type { SmsTarget } from './ports/regulator-gateway.ts';

/**
 * Who MIIT texts a verification code to (domain.md §6.1, rules since 2020-08-17). Pure: the submission use case
 * puts the result into the regulator submission, and the simulator uses the same rules to decide on SMS.
 */

/** The parts of an order the SMS rules look at; CompleteOrderData fits. */
export type SmsTargetInput = {
  subject?: { responsiblePerson: Person };
  websites: ReadonlyArray<{ responsiblePerson: Person }>;
  changeScope?: ChangeScope;
};

type Who = { subject: boolean; websites: boolean };

/**
 * A change-subject order always edits the subject (that is what T6 is); website edits are the opt-in from the
 * "modify website info?" pop-up. So a missing scope means subject only.
 */
const DEFAULT_CHANGE_SCOPE: ChangeScope = { subject: true, websites: false };

/** Which responsible persons a type verifies. "No change, no verification" drives T6. */
const whoIsVerified = (type: FilingType, changeScope: ChangeScope | undefined): Who => {
  switch (type) {
    case 'first_filing':
      return { subject: true, websites: true };
    case 'add_website_subject_here':
    case 'add_website_subject_elsewhere':
    case 'add_access_subject_here':
    case 'add_access_subject_elsewhere':
    case 'change_website':
    // T8 is not in MIIT's table. [INF] It changes website access data, so it falls under "website data changed:
    // website responsible person" of the change row (domain.md T8).
    case 'change_access':
    // T11: the responsible person of each website being cancelled, i.e. the websites the order names.
    case 'cancel_website':
      return { subject: false, websites: true };
    case 'change_subject': {
      const scope = changeScope ?? DEFAULT_CHANGE_SCOPE;
      return { subject: scope.subject, websites: scope.websites };
    }
    case 'cancel_subject':
      return { subject: true, websites: false };
    // T9 is not in MIIT's table and only replaces expired images: no filed data changes, so nobody is verified
    // ("no change, no verification"). T12 is explicitly "no verification".
    case 'change_images':
    case 'cancel_access':
      return { subject: false, websites: false };
  }
};

/** Whether MIIT will text anyone for this order (T12, T9 and a T6 that changes nothing: no). */
export const smsRequired = (type: FilingType, changeScope?: ChangeScope): boolean => {
  const who = whoIsVerified(type, changeScope);
  return who.subject || who.websites;
};

/**
 * MIIT treats the same mobile as the same person, so numbers are compared in one canonical form: NFKC folds
 * full-width digits, separators go, and a mainland country prefix is dropped when what remains is a mobile.
 */
export const normalizeMobile = (mobile: string): string => {
  const compact = mobile.normalize('NFKC').replace(/[\s\-().]/g, '');
  return compact.replace(/^(\+86|0086|86)(?=1\d{10}$)/, '');
};

/** The last 6 characters a person types on MIIT's page; ID checksums may end in x, which MIIT reads as X. */
export const idLast6 = (idNumber: string): string =>
  idNumber.normalize('NFKC').replace(/\s/g, '').toUpperCase().slice(-6);

const targetOf = (person: Person, role: SmsTarget['roles'][number]): SmsTarget => ({
  roles: [role],
  name: person.name,
  mobile: normalizeMobile(person.mobile),
  idType: person.idType,
  idLast6: idLast6(person.idNumber),
});

/**
 * The SMS targets of an order, subject first, then websites in order. Persons sharing a mobile get one code;
 * the first person keeps name and certificate and the roles are merged, as MIIT sends one code per number.
 * `existingSubjectResponsible` is the filed subject responsible person, used when a type verifies the subject
 * but the order carries no subject data (T10).
 */
export const computeSmsTargets = (
  type: FilingType,
  data: SmsTargetInput,
  existingSubjectResponsible?: Person,
): SmsTarget[] => {
  const who = whoIsVerified(type, data.changeScope);
  const targets: SmsTarget[] = [];
  const add = (t: SmsTarget): void => {
    const same = targets.find((x) => x.mobile === t.mobile);
    if (same) same.roles.push(...t.roles);
    else targets.push(t);
  };

  if (who.subject) {
    // The order's data wins over the filed data: a changed mobile gets the code at the new number.
    const person = data.subject?.responsiblePerson ?? existingSubjectResponsible;
    if (!person) {
      throw new DomainError('ORDER_INCOMPLETE', { details: { field: 'subject.responsiblePerson', type } });
    }
    add(targetOf(person, { role: 'subject' }));
  }
  if (who.websites) {
    data.websites.forEach((w, websiteIndex) => {
      add(targetOf(w.responsiblePerson, { role: 'website', websiteIndex }));
    });
  }
  return targets;
};
