import type { Person, Subject } from '../../../contracts/filing-data.ts';
import type { PreApprovalType } from '../../filing-data.ts';
import type { ProvinceCode } from '../../province/provinces.ts';
import type { PrecheckInput } from '../types.ts';
import { edit, idFor, person, website } from './builders.ts';

/** Small named edits of a base draft, so each table row reads as "base draft + the one thing that differs". */

const subjectRp = (d: PrecheckInput) => (d.data.subject ?? d.existing?.subject)!.responsiblePerson!;
const websiteRp = (d: PrecheckInput, i = 0) => d.data.websites[i]!.responsiblePerson!;

export const subjectRpNotLegal = (input: PrecheckInput) =>
  edit(input, (d) => {
    subjectRp(d).isLegalPerson = false;
  });

export const websiteRpLegal = (input: PrecheckInput) =>
  edit(input, (d) => {
    websiteRp(d).isLegalPerson = true;
  });

/** Makes the website responsible person the subject responsible person (same data, box ticked). */
export const websiteRpIsSubjectRp = (input: PrecheckInput) =>
  edit(input, (d) => {
    d.data.websites[0]!.responsiblePerson = { ...subjectRp(d) };
    d.data.websites[0]!.sameAsSubjectResponsible = true;
  });

/** Individual drafts: the person (subject certificate, responsible person, website owner) gets another ID. */
export const individualWithId = (
  input: PrecheckInput,
  idType: Person['idType'],
  idNumber: string,
  nationality?: string,
) =>
  edit(input, (d) => {
    const subject = d.data.subject!;
    subject.certificateType = idType;
    subject.certificateNumber = idNumber;
    for (const p of [subject.responsiblePerson!, websiteRp(d)]) {
      p.idType = idType;
      p.idNumber = idNumber;
      if (nationality) p.nationality = nationality;
    }
  });

export const individualAged = (input: PrecheckInput, province: ProvinceCode, age: number) =>
  individualWithId(input, 'resident_id', idFor(province, age, 101));

export const websiteRpAged = (input: PrecheckInput, province: ProvinceCode, age: number) =>
  edit(input, (d) => {
    websiteRp(d).idNumber = idFor(province, age, 103);
  });

export const websiteRpWithId = (
  input: PrecheckInput,
  idType: Person['idType'],
  idNumber: string,
  nationality?: string,
) =>
  edit(input, (d) => {
    Object.assign(websiteRp(d), { idType, idNumber, ...(nationality ? { nationality } : {}) });
  });

export const websiteCount = (input: PrecheckInput, province: ProvinceCode, n: number) =>
  edit(input, (d) => {
    d.data.websites = Array.from({ length: n }, (_, i) => website(person(province, i + 1), i));
  });

export const withPreApproval = (input: PrecheckInput, type: PreApprovalType) =>
  edit(input, (d) => {
    d.data.websites[0]!.preApprovals = [{ type, permitNumber: 'PERMIT-1' }];
  });

export const emergencyIsOwnMobile = (input: PrecheckInput) =>
  edit(input, (d) => {
    websiteRp(d).emergencyPhone = websiteRp(d).mobile;
  });

export const websiteRpEmergencyIsSubjectMobile = (input: PrecheckInput) =>
  edit(input, (d) => {
    websiteRp(d).emergencyPhone = subjectRp(d).mobile;
  });

export const withRemarks = (input: PrecheckInput, remarks: string) =>
  edit(input, (d) => {
    d.data.subject!.remarks = remarks;
  });

export const filedWebsites = (input: PrecheckInput, count: number, names: string[] = []) =>
  edit(input, (d) => {
    d.existing = { ...(d.existing ?? { websiteNames: [] }), websiteCount: count, websiteNames: names };
  });

export const withSubject = (input: PrecheckInput, change: (s: Subject) => void) =>
  edit(input, (d) => {
    change(d.data.subject as Subject);
  });

export const withWebsiteName = (input: PrecheckInput, name: string, index = 0) =>
  edit(input, (d) => {
    d.data.websites[index]!.name = name;
  });

export const asType = (input: PrecheckInput, type: PrecheckInput['type']) =>
  edit(input, (d) => {
    d.type = type;
  });
