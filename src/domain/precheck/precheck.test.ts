import { describe, it } from 'vitest';
import { edit, idCheckChar, idFor, individualDraft, person, syntheticId, unitDraft } from './testing/builders.ts';
import { assertCase, block, none, type RuleCase, warn } from './testing/cases.ts';
import type { PrecheckInput } from './types.ts';

const websiteRp = (d: PrecheckInput) => d.data.websites[0]!.responsiblePerson!;
const badChecksum = (id: string) => `${id.slice(0, 17)}${idCheckChar(id.slice(0, 17)) === '0' ? '1' : '0'}`;

/** National rules (domain.md §4, §5.1, §6.3, §7.0; names per general MIIT practice). */
const NATIONAL: RuleCase[] = [
  // Formats through the validation library: the validator code is the rule id.
  [
    'resident ID with a wrong check digit',
    edit(unitDraft('anhui'), (d) => {
      websiteRp(d).idNumber = badChecksum(websiteRp(d).idNumber!);
    }),
    block('format.RESIDENT_ID_CHECKSUM', 'websites.0.responsiblePerson.idNumber'),
  ],
  [
    'resident ID born in the future',
    edit(unitDraft('anhui'), (d) => {
      websiteRp(d).idNumber = syntheticId('340102', '2030-01-01');
    }),
    block('format.RESIDENT_ID_BIRTH_DATE', 'websites.0.responsiblePerson.idNumber'),
  ],
  [
    'residence permit born in the future (was checked without a date)',
    edit(unitDraft('anhui'), (d) => {
      websiteRp(d).idType = 'residence_permit';
      websiteRp(d).idNumber = syntheticId('810000', '2030-01-01');
    }),
    block('format.RESIDENCE_PERMIT_BIRTH_DATE', 'websites.0.responsiblePerson.idNumber'),
  ],
  [
    'individual subject resident ID with grouping hyphens is read like one without',
    edit(individualDraft('anhui'), (d) => {
      const id = d.data.subject!.certificateNumber!;
      d.data.subject!.certificateNumber = `${id.slice(0, 6)}-${id.slice(6, 14)}-${id.slice(14)}`;
    }),
    none('format.RESIDENT_ID_FORMAT'),
  ],
  [
    'grouping hyphens do not make the individual a different person from the responsible person',
    edit(individualDraft('anhui'), (d) => {
      const id = d.data.subject!.certificateNumber!;
      d.data.subject!.certificateNumber = `${id.slice(0, 6)}-${id.slice(6, 14)}-${id.slice(14)}`;
    }),
    none('national.individual_subject_is_responsible_person'),
  ],
  [
    'resident ID of no province',
    edit(unitDraft('anhui'), (d) => {
      websiteRp(d).idNumber = syntheticId('700102', '1990-01-01');
    }),
    block('format.RESIDENT_ID_REGION', 'websites.0.responsiblePerson.idNumber'),
  ],
  [
    'invalid e-mail',
    edit(unitDraft('anhui'), (d) => {
      websiteRp(d).email = 'not-an-email';
    }),
    block('format.EMAIL_FORMAT', 'websites.0.responsiblePerson.email'),
  ],
  [
    'domain pasted with its scheme',
    edit(unitDraft('anhui'), (d) => {
      d.data.websites[0]!.domain = 'https://example0.com';
    }),
    block('format.DOMAIN_HAS_SCHEME', 'websites.0.domain'),
  ],
  [
    'www. is stripped with a warning',
    edit(unitDraft('anhui'), (d) => {
      d.data.websites[0]!.domain = 'www.example0.com';
    }),
    warn('format.DOMAIN_WWW_STRIPPED', 'websites.0.domain'),
  ],
  [
    'USCC with a wrong check character',
    edit(unitDraft('anhui'), (d) => {
      d.data.subject!.certificateNumber = `${d.data.subject!.certificateNumber!.slice(0, 17)}0`;
    }),
    block('format.USCC_CHECKSUM', 'subject.certificateNumber'),
  ],
  [
    'private IP is refused',
    edit(unitDraft('anhui'), (d) => {
      d.data.websites[0]!.ipAddresses = ['10.0.0.1'];
    }),
    block('national.ip_public', 'websites.0.ipAddresses.0'),
  ],
  [
    '... and not reported twice',
    edit(unitDraft('anhui'), (d) => {
      d.data.websites[0]!.ipAddresses = ['10.0.0.1'];
    }),
    none('format.IP_NOT_PUBLIC'),
  ],
  ['public IP passes', unitDraft('anhui'), none('national.ip_public')],
  [
    'unparseable IP',
    edit(unitDraft('anhui'), (d) => {
      d.data.websites[0]!.ipAddresses = ['1.2.3'];
    }),
    block('format.IP_INVALID', 'websites.0.ipAddresses.0'),
  ],
  // Certificate types per subject type.
  [
    'individual filing with a business licence',
    edit(individualDraft('anhui'), (d) => {
      d.data.subject!.certificateType = 'business_license';
    }),
    block('national.certificate_type', 'subject.certificateType'),
  ],
  [
    'enterprise filing with a law-firm licence',
    edit(unitDraft('anhui'), (d) => {
      d.data.subject!.certificateType = 'law_firm_license';
    }),
    block('national.certificate_type', 'subject.certificateType'),
  ],
  [
    'enterprise with the USCC certificate passes nationally',
    edit(unitDraft('anhui'), (d) => {
      d.data.subject!.certificateType = 'uscc_certificate';
    }),
    none('national.certificate_type'),
  ],
  [
    'organisation-code certificate only warns nationally',
    edit(unitDraft('anhui'), (d) =>
      Object.assign(d.data.subject!, {
        subjectType: 'public_institution',
        certificateType: 'org_code_certificate',
        certificateNumber: '60003734-1',
      }),
    ),
    warn('national.org_code_certificate', 'subject.certificateType'),
  ],
  // Validity of more than 3 months (NOW = 2025-06-01).
  [
    'ID ending within 3 months',
    edit(unitDraft('anhui'), (d) => {
      websiteRp(d).idValidUntil = '2025-08-31';
    }),
    block('national.certificate_validity', 'websites.0.responsiblePerson.idValidUntil'),
  ],
  [
    'ID valid a day beyond 3 months',
    edit(unitDraft('anhui'), (d) => {
      websiteRp(d).idValidUntil = '2025-09-02';
    }),
    none('national.certificate_validity'),
  ],
  [
    'subject certificate ending soon',
    edit(unitDraft('anhui'), (d) => {
      d.data.subject!.certificateValidUntil = '2025-07-01';
    }),
    block('national.certificate_validity', 'subject.certificateValidUntil'),
  ],
  [
    'uploaded certificate ending soon',
    edit(unitDraft('anhui'), (d) => void d.materials.push({ kind: 'subject_cert', validUntil: '2025-07-01' })),
    block('national.certificate_validity', 'materials.0.validUntil'),
  ],
  [
    'validity of non-certificate uploads is not judged',
    edit(unitDraft('anhui'), (d) => void d.materials.push({ kind: 'commitment', validUntil: '2025-07-01' })),
    none('national.certificate_validity'),
  ],
  // People.
  [
    '"same as subject responsible person" ticked with other data',
    edit(unitDraft('anhui'), (d) => {
      d.data.websites[0]!.sameAsSubjectResponsible = true;
    }),
    block('national.same_as_subject_responsible', 'websites.0.responsiblePerson'),
  ],
  ['ticked and identical passes', individualDraft('anhui'), none('national.same_as_subject_responsible')],
  [
    'two people sharing one mobile',
    edit(unitDraft('anhui'), (d) => {
      websiteRp(d).mobile = d.data.subject!.responsiblePerson!.mobile;
    }),
    block('national.mobile_shared_by_different_people', 'websites.0.responsiblePerson.mobile'),
  ],
  [
    "T2: a website owner using the filed subject person's mobile",
    edit(unitDraft('anhui', 'add_website_subject_here'), (d) => {
      websiteRp(d).mobile = d.existing!.subject!.responsiblePerson.mobile;
    }),
    block('national.mobile_shared_by_different_people', 'websites.0.responsiblePerson.mobile'),
  ],
  [
    'individual subject run by someone else',
    edit(individualDraft('anhui'), (d) => {
      d.data.subject!.responsiblePerson = person('anhui', 2);
    }),
    block('national.individual_subject_is_responsible_person', 'subject.responsiblePerson'),
  ],
  [
    'minor where the province has no age rule only warns',
    edit(unitDraft('anhui'), (d) => {
      websiteRp(d).idNumber = idFor('anhui', 16, 201);
    }),
    warn('national.minor_responsible_person', 'websites.0.responsiblePerson.idNumber'),
  ],
  // Websites.
  [
    'the same domain twice in one order',
    edit(
      unitDraft('anhui'),
      (d) =>
        void d.data.websites.push({
          ...structuredClone(d.data.websites[0]!),
          name: '另一站',
          domain: 'EXAMPLE0.com',
          responsiblePerson: person('anhui', 2),
        }),
    ),
    block('national.duplicate_domain', 'websites.1.domain'),
  ],
  [
    'website named after its domain',
    edit(unitDraft('anhui'), (d) => {
      d.data.websites[0]!.name = 'example0.com';
    }),
    block('national.website_name_not_domain', 'websites.0.name'),
  ],
  [
    'website named with digits only',
    edit(unitDraft('anhui'), (d) => {
      d.data.websites[0]!.name = '12306';
    }),
    block('national.website_name_not_digits', 'websites.0.name'),
  ],
  [
    'Latin-only website name warns',
    edit(unitDraft('anhui'), (d) => {
      d.data.websites[0]!.name = 'My Notes';
    }),
    warn('national.website_name_latin_only', 'websites.0.name'),
  ],
  [
    'individual site named like a company',
    edit(individualDraft('anhui'), (d) => {
      d.data.websites[0]!.name = '张三科技有限公司';
    }),
    block('national.individual_name_organisation_word', 'websites.0.name'),
  ],
  [
    'individual site named 中国…',
    edit(individualDraft('anhui'), (d) => {
      d.data.websites[0]!.name = '中国象棋笔记';
    }),
    block('national.individual_name_organisation_word', 'websites.0.name'),
  ],
  [
    'individual site named like a shop warns',
    edit(individualDraft('anhui'), (d) => {
      d.data.websites[0]!.name = '张三的小商城';
    }),
    warn('national.individual_name_commercial_word', 'websites.0.name'),
  ],
  [
    'a unit may use 公司 in its site name',
    edit(unitDraft('anhui'), (d) => {
      d.data.websites[0]!.name = '示例科技有限公司官网';
    }),
    none('national.individual_name_organisation_word'),
  ],
];

describe('national rules', () => {
  it.each(NATIONAL)('%s', (_name, input, expectation) => assertCase(input, expectation));
});
