import type { Subject } from '../../contracts/filing-data.ts';
import type { SimSubjectRow } from '../store/schema.ts';

type Party = { name: string; certificateType: string; certificateNumber: string };

/**
 * Who files, reduced to what the registrant check compares (domain.md §6.3 condition 5): the sponsor and the
 * subject responsible person, each by name, certificate type and certificate number.
 */
export type FilerIdentity = { individual: boolean; sponsor: Party; responsible: Party };

export const filerFromSubject = (s: Subject): FilerIdentity => ({
  individual: s.subjectType === 'individual',
  sponsor: { name: s.sponsorName, certificateType: s.certificateType, certificateNumber: s.certificateNumber },
  responsible: {
    name: s.responsiblePerson.name,
    certificateType: s.responsiblePerson.idType,
    certificateNumber: s.responsiblePerson.idNumber,
  },
});

export const filerFromRecord = (r: SimSubjectRow): FilerIdentity => ({
  individual: r.subject_type === 'individual',
  sponsor: { name: r.name, certificateType: r.certificate_type, certificateNumber: r.certificate_number },
  responsible: {
    name: r.responsible_name,
    certificateType: r.responsible_id_type,
    certificateNumber: r.responsible_id_number,
  },
});

/** The registrant a newly registered domain would carry: the unit itself, or the person for individuals. */
export const registrantOf = (f: FilerIdentity): Party => (f.individual ? f.responsible : f.sponsor);

// A business licence and a unified-social-credit-code certificate carry the same 18-character code, so a
// registrar recording one and the filing the other is still the same identity.
const CERTIFICATE_TYPE_GROUPS: Record<string, string> = { business_license: 'uscc', uscc_certificate: 'uscc' };
const certGroup = (t: string) => CERTIFICATE_TYPE_GROUPS[t] ?? t;

const normName = (s: string) => s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
const normCert = (s: string) => s.replace(/\s+/g, '').toUpperCase();

export const sameParty = (a: Party, b: Party): boolean =>
  normName(a.name) === normName(b.name) &&
  certGroup(a.certificateType) === certGroup(b.certificateType) &&
  normCert(a.certificateNumber) === normCert(b.certificateNumber);

/**
 * Individuals: the registrant must be the person themself. Units: the unit or its responsible person (MIIT also
 * accepts shareholders and senior managers, which the simulated records do not know about).
 */
export const registrantMatches = (filer: FilerIdentity, registrant: Party): boolean =>
  filer.individual
    ? sameParty(filer.responsible, registrant)
    : sameParty(filer.sponsor, registrant) || sameParty(filer.responsible, registrant);
