import { describe, it } from 'vitest';
import {
  changeSubjectDraft,
  idFor,
  individualDraft,
  individualSubject,
  unitDraft,
} from '../../precheck/testing/builders.ts';
import {
  assertCase,
  block,
  none,
  notRequires,
  type RuleCase,
  requires,
  review,
  warn,
} from '../../precheck/testing/cases.ts';
import {
  changeCert,
  emergencyDiffers,
  footer,
  legalPersonRequired,
  localIdOnly,
  localMobileAll,
  minAge,
  onePerSubmission,
  onlyToOwnUnit,
  orderLetterCases,
  orgCodeRefused,
  residenceProof,
  reviewerCheck,
  subjectAuthLetter,
  unfiledDomain,
  websiteAuthLetter,
} from '../../precheck/testing/rule-cases.ts';
import {
  asType,
  individualAged,
  individualWithId,
  subjectRpNotLegal,
  websiteRpAged,
  websiteRpIsSubjectRp,
  websiteRpWithId,
  withPreApproval,
  withSubject,
  withWebsiteName,
} from '../../precheck/testing/variants.ts';

/** Province rule tables, Heilongjiang to Ningxia. */
const TABLE: Record<string, RuleCase[]> = {
  heilongjiang: [
    ...legalPersonRequired('heilongjiang'),
    ...minAge('heilongjiang', 'unit'),
    [
      'individuals have no provincial age rule (national warning only)',
      individualAged(individualDraft('heilongjiang'), 'heilongjiang', 17),
      warn('national.minor_responsible_person', 'subject.responsiblePerson.idNumber'),
    ],
    ...localIdOnly('heilongjiang'),
    ...localMobileAll('heilongjiang'),
    ...emergencyDiffers('heilongjiang'),
    ...onlyToOwnUnit('heilongjiang'),
    [
      'unit website name unrelated to the sponsor is refused',
      withWebsiteName(unitDraft('heilongjiang'), '读书笔记'),
      block('heilongjiang.website_name_matches_sponsor', 'websites.0.name'),
    ],
    [
      'abbreviation of the sponsor plus 官网 passes',
      withWebsiteName(unitDraft('heilongjiang'), '黑龙江示例官网'),
      none('heilongjiang.website_name_matches_sponsor'),
    ],
    [
      'full sponsor name passes',
      withWebsiteName(unitDraft('heilongjiang'), '黑龙江示例科技有限公司'),
      none('heilongjiang.website_name_matches_sponsor'),
    ],
  ],

  henan: [
    ...legalPersonRequired('henan'),
    ...minAge('henan', 'unit'),
    ...minAge('henan', 'individual'),
    ...localIdOnly('henan'),
    ...onePerSubmission('henan'),
    ...orderLetterCases('henan', 'ecommerce_note', 'henan.ecommerce_note'),
    ...changeCert('henan'),
    ...onlyToOwnUnit('henan'),
    ...footer('henan'),
    ...reviewerCheck(
      'henan.unfiled_domain_no_dns',
      unitDraft('henan'),
      asType(unitDraft('henan'), 'add_access_subject_elsewhere'),
    ),
  ],

  hubei: [
    ...legalPersonRequired('hubei'),
    ...websiteAuthLetter('hubei'),
    ...minAge('hubei', 'unit'),
    ...minAge('hubei', 'individual'),
    ...residenceProof('hubei'),
    ...onePerSubmission('hubei'),
    ...orgCodeRefused('hubei'),
    ...changeCert('hubei'),
    ...onlyToOwnUnit('hubei'),
    ...footer('hubei'),
    ...unfiledDomain('hubei'),
    ...orderLetterCases('hubei', 'ecommerce_note', 'hubei.ecommerce_note'),
    ['individuals give no e-commerce note (enterprises only)', individualDraft('hubei'), notRequires('ecommerce_note')],
  ],

  hunan: [
    ...legalPersonRequired('hunan'),
    ...websiteAuthLetter('hunan'),
    ...minAge('hunan', 'unit'),
    ...minAge('hunan', 'individual'),
    ...onePerSubmission('hunan'),
    ...orgCodeRefused('hunan'),
    ...footer('hunan'),
    ...unfiledDomain('hunan'),
    [
      "individuals' mobiles go to the reviewer for the local range",
      individualDraft('hunan'),
      review('hunan.local_mobile', 'subject.responsiblePerson.mobile'),
    ],
    ["units' mobiles are not range-checked (legacy only)", unitDraft('hunan'), none('hunan.local_mobile')],
    [
      'a subject with filings gives a site plan per new website',
      asType(unitDraft('hunan'), 'add_website_subject_here'),
      requires('site_plan', 'hunan.site_plan_subject_already_filed', 0),
    ],
    ['a first filing needs no site plan', unitDraft('hunan'), notRequires('site_plan')],
    ...reviewerCheck(
      'hunan.prior_filing_matches',
      asType(unitDraft('hunan'), 'add_website_subject_elsewhere'),
      unitDraft('hunan'),
    ),
  ],

  jiangsu: [
    [
      'legal person only recommended: warning',
      subjectRpNotLegal(unitDraft('jiangsu')),
      warn('jiangsu.subject_responsible_legal_person', 'subject.responsiblePerson.isLegalPerson'),
    ],
    [
      'subject person not the legal person, website run by someone else: refused',
      subjectRpNotLegal(unitDraft('jiangsu')),
      block('jiangsu.website_responsible_equals_subject_responsible', 'websites.0.responsiblePerson.idNumber'),
    ],
    [
      'subject person not the legal person also runs the website: passes',
      websiteRpIsSubjectRp(subjectRpNotLegal(unitDraft('jiangsu'))),
      none('jiangsu.website_responsible_equals_subject_responsible'),
    ],
    [
      'legal person as subject person: any website owner passes',
      unitDraft('jiangsu'),
      none('jiangsu.website_responsible_equals_subject_responsible'),
    ],
    ...websiteAuthLetter('jiangsu'),
    ...residenceProof('jiangsu'),
    ...localMobileAll('jiangsu'),
    ...changeCert('jiangsu'),
    ...footer('jiangsu'),
    ...orderLetterCases('jiangsu', 'authenticity_notice', 'jiangsu.authenticity_notice'),
    ...reviewerCheck(
      'jiangsu.prior_filing_matches',
      asType(unitDraft('jiangsu'), 'add_access_subject_elsewhere'),
      unitDraft('jiangsu'),
    ),
    ...reviewerCheck('jiangsu.licence_duplicate_colour', unitDraft('jiangsu'), individualDraft('jiangsu')),
  ],

  jiangxi: [
    ...legalPersonRequired('jiangxi'),
    ...localIdOnly('jiangxi'),
    ...orgCodeRefused('jiangxi'),
    ...changeCert('jiangxi'),
    ...onlyToOwnUnit('jiangxi'),
    [
      'certificate address outside Jiangxi is refused',
      withSubject(individualDraft('jiangxi'), (s) => {
        s.certificateAddress = '北京市示例区示例路1号';
      }),
      block('jiangxi.certificate_address_local', 'subject.certificateAddress'),
    ],
    ['certificate address in Jiangxi passes', individualDraft('jiangxi'), none('jiangxi.certificate_address_local')],
    [
      'foreign individual is refused',
      individualWithId(individualDraft('jiangxi'), 'passport', 'X12345678', 'USA'),
      block('jiangxi.foreign_nationals', 'subject.certificateType'),
    ],
    [
      'a unit may have a foreign website owner',
      websiteRpWithId(unitDraft('jiangxi'), 'passport', 'X12345678', 'USA'),
      none('jiangxi.foreign_nationals'),
    ],
    [
      'unit website owner without a Jiangxi ID gives a residence permit',
      websiteRpWithId(unitDraft('jiangxi'), 'resident_id', idFor('beijing', 30, 301)),
      requires('residence_proof', 'jiangxi.responsible_residence_proof', 0),
    ],
    ['unit persons with Jiangxi IDs give none', unitDraft('jiangxi'), notRequires('residence_proof')],
    [
      'no pre-approval commitment without pre-approvals',
      unitDraft('jiangxi'),
      requires('no_preapproval_commitment', 'jiangxi.no_preapproval_commitment'),
    ],
    [
      'none when a pre-approval is declared',
      withPreApproval(unitDraft('jiangxi'), 'news'),
      notRequires('no_preapproval_commitment'),
    ],
    [
      'no-education commitment without an education permit',
      unitDraft('jiangxi'),
      requires('no_education_commitment', 'jiangxi.no_education_commitment'),
    ],
    [
      'none with an education permit',
      withPreApproval(unitDraft('jiangxi'), 'education'),
      notRequires('no_education_commitment'),
    ],
  ],

  jilin: [
    ...subjectAuthLetter('jilin'),
    ...localMobileAll('jilin'),
    ...residenceProof('jilin'),
    ...onlyToOwnUnit('jilin'),
  ],

  liaoning: [
    ...legalPersonRequired('liaoning'),
    ...minAge('liaoning', 'unit'),
    [
      'individuals have no provincial age rule',
      individualAged(individualDraft('liaoning'), 'liaoning', 17),
      none('liaoning.min_age'),
    ],
    ...localMobileAll('liaoning'),
    ...emergencyDiffers('liaoning'),
    ...onlyToOwnUnit('liaoning'),
    ...changeCert('liaoning'),
  ],

  neimenggu: [
    ...legalPersonRequired('neimenggu'),
    ...minAge('neimenggu', 'unit'),
    ...minAge('neimenggu', 'individual'),
    ...residenceProof('neimenggu'),
    ...onlyToOwnUnit('neimenggu'),
  ],

  ningxia: [
    ...legalPersonRequired('ningxia'),
    ...localIdOnly('ningxia'),
    [
      'a filed individual may change (legacy ban dropped)',
      changeSubjectDraft(individualSubject('ningxia'), {
        ...individualSubject('ningxia'),
        mailingAddress: '宁夏新地址',
      }),
      none('ningxia.individual_subject_change'),
    ],
    [
      'unit persons may be minors only with a warning',
      websiteRpAged(unitDraft('ningxia'), 'ningxia', 17),
      warn('national.minor_responsible_person', 'websites.0.responsiblePerson.idNumber'),
    ],
  ],
};

describe.each(Object.entries(TABLE))('%s rules', (_province, cases) => {
  it.each(cases)('%s', (_name, input, expectation) => assertCase(input, expectation));
});
