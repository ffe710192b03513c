import { describe, it } from 'vitest';
import {
  changeSubjectDraft,
  edit,
  idFor,
  individualDraft,
  individualSubject,
  unitDraft,
  unitSubject,
} from '../../precheck/testing/builders.ts';
import { assertCase, block, none, notRequires, type RuleCase, requires } from '../../precheck/testing/cases.ts';
import {
  changeCert,
  emergencyDiffers,
  footer,
  legalPersonRequired,
  localIdOnly,
  localMobileAll,
  minAge,
  orgCodeRefused,
  residenceProof,
  reviewerCheck,
  unfiledDomain,
  websiteAuthLetter,
} from '../../precheck/testing/rule-cases.ts';
import {
  asType,
  filedWebsites,
  individualAged,
  individualWithId,
  websiteRpWithId,
  withPreApproval,
  withSubject,
} from '../../precheck/testing/variants.ts';

/** Province rule tables, Anhui to Hebei: every provincial rule with a breaking and a passing draft. */
const TABLE: Record<string, RuleCase[]> = {
  anhui: [...legalPersonRequired('anhui'), ...websiteAuthLetter('anhui')],

  beijing: [
    [
      'enterprise filing with a USCC certificate is refused (business licence only)',
      withSubject(unitDraft('beijing'), (s) => {
        s.certificateType = 'uscc_certificate';
      }),
      block('beijing.certificate_type', 'subject.certificateType'),
    ],
    ['enterprise filing with the business licence passes', unitDraft('beijing'), none('beijing.certificate_type')],
    [
      'individual cannot become a unit',
      changeSubjectDraft(individualSubject('beijing'), unitSubject('beijing')),
      block('beijing.individual_subject_change', 'subject'),
    ],
    [
      'individual may update other data',
      changeSubjectDraft(individualSubject('beijing'), {
        ...individualSubject('beijing'),
        mailingAddress: '北京市新地址',
      }),
      none('beijing.individual_subject_change'),
    ],
    [
      'no-education commitment when no education permit',
      unitDraft('beijing'),
      requires('no_education_commitment', 'beijing.no_education_commitment'),
    ],
    [
      'no no-education commitment with an education permit',
      withPreApproval(unitDraft('beijing'), 'education'),
      notRequires('no_education_commitment'),
    ],
    [
      'subject legal person only recommended (2022+)',
      unitDraft('beijing'),
      none('beijing.subject_responsible_legal_person'),
    ],
    ...reviewerCheck('beijing.vertical_licence_number_visible', unitDraft('beijing'), individualDraft('beijing')),
    ...changeCert('beijing'),
  ],

  chongqing: [
    ...legalPersonRequired('chongqing'),
    ...websiteAuthLetter('chongqing'),
    ...localIdOnly('chongqing'),
    ...changeCert('chongqing'),
    [
      'website owner already serving another subject is refused',
      edit(unitDraft('chongqing'), (d) => {
        d.existing = {
          websiteNames: [],
          websiteCount: 0,
          otherSubjectsWebsiteResponsibleIds: [d.data.websites[0]!.responsiblePerson!.idNumber!],
        };
      }),
      block('chongqing.website_responsible_unique', 'websites.0.responsiblePerson.idNumber'),
    ],
    [
      'website owner unknown elsewhere passes',
      edit(unitDraft('chongqing'), (d) => {
        d.existing = {
          websiteNames: [],
          websiteCount: 0,
          otherSubjectsWebsiteResponsibleIds: [idFor('chongqing', 40, 999)],
        };
      }),
      none('chongqing.website_responsible_unique'),
    ],
  ],

  fujian: [
    ...legalPersonRequired('fujian'),
    ...websiteAuthLetter('fujian'),
    ...residenceProof('fujian'),
    ...orgCodeRefused('fujian'),
    ...changeCert('fujian'),
    ...footer('fujian'),
    ...unfiledDomain('fujian'),
    ...reviewerCheck(
      'fujian.office_phone_reachable',
      unitDraft('fujian'),
      asType(unitDraft('fujian'), 'change_access'),
    ),
    [
      'missing office phone is refused',
      unitDraft('fujian'),
      block('fujian.office_phone_required', 'subject.responsiblePerson.officePhone'),
    ],
    [
      'office phones given pass',
      edit(unitDraft('fujian'), (d) => {
        d.data.subject!.responsiblePerson!.officePhone = '0591-87654321';
        d.data.websites[0]!.responsiblePerson!.officePhone = '0591-87654322';
      }),
      none('fujian.office_phone_required'),
    ],
  ],

  gansu: [
    ...legalPersonRequired('gansu'),
    ...websiteAuthLetter('gansu'),
    ...localIdOnly('gansu'),
    ...localMobileAll('gansu'),
    ...changeCert('gansu'),
    ...footer('gansu'),
    ...unfiledDomain('gansu'),
    [
      'an individual filing cannot change its subject at all',
      changeSubjectDraft(individualSubject('gansu'), { ...individualSubject('gansu'), mailingAddress: '甘肃省新地址' }),
      block('gansu.individual_subject_change', 'subject'),
    ],
    [
      'a unit may change its subject',
      changeSubjectDraft(unitSubject('gansu'), { ...unitSubject('gansu'), mailingAddress: '甘肃省新地址' }),
      none('gansu.individual_subject_change'),
    ],
  ],

  guangdong: [
    ...legalPersonRequired('guangdong'),
    ...residenceProof('guangdong'),
    ...emergencyDiffers('guangdong'),
    ...footer('guangdong', false),
    [
      'individual under 18 files with an employment certificate',
      individualAged(individualDraft('guangdong'), 'guangdong', 16),
      requires('employment_cert', 'guangdong.employment_cert', 0),
    ],
    [
      '... instead of being refused',
      individualAged(individualDraft('guangdong'), 'guangdong', 16),
      none('national.minor_responsible_person'),
    ],
    ['adult individual needs no employment certificate', individualDraft('guangdong'), notRequires('employment_cert')],
    ['Guangdong commitment template', unitDraft('guangdong'), requires('commitment', 'guangdong.commitment')],
    [
      'more than 31 prefixes need the authenticity guarantee',
      filedWebsites(asType(unitDraft('guangdong'), 'add_website_subject_elsewhere'), 31),
      requires('authenticity_guarantee', 'guangdong.authenticity_guarantee_over_31_prefixes'),
    ],
    [
      '31 prefixes need no guarantee',
      filedWebsites(asType(unitDraft('guangdong'), 'add_website_subject_elsewhere'), 30),
      notRequires('authenticity_guarantee'),
    ],
    ...reviewerCheck(
      'guangdong.filed_sites_reachable',
      unitDraft('guangdong'),
      asType(unitDraft('guangdong'), 'change_access'),
    ),
    ...reviewerCheck('guangdong.individual_site_personal', individualDraft('guangdong'), unitDraft('guangdong')),
  ],

  guangxi: [
    ...legalPersonRequired('guangxi'),
    ...websiteAuthLetter('guangxi'),
    ...localMobileAll('guangxi'),
    ...changeCert('guangxi'),
  ],

  guizhou: [
    ...legalPersonRequired('guizhou'),
    ...websiteAuthLetter('guizhou'),
    ...minAge('guizhou', 'unit'),
    ...minAge('guizhou', 'individual'),
    ...residenceProof('guizhou'),
    ...orgCodeRefused('guizhou'),
  ],

  hainan: legalPersonRequired('hainan'),

  hebei: [
    ...legalPersonRequired('hebei'),
    ...orgCodeRefused('hebei'),
    [
      'foreign website owner is refused',
      websiteRpWithId(unitDraft('hebei'), 'passport', 'X12345678', 'USA'),
      block('hebei.foreign_nationals', 'websites.0.responsiblePerson.idType'),
    ],
    [
      'foreign individual is refused',
      individualWithId(individualDraft('hebei'), 'foreign_pr_card', `${'9'.padEnd(17, '1')}X`, 'USA'),
      block('hebei.foreign_nationals', 'subject.certificateType'),
    ],
    [
      'Hong Kong resident (Chinese citizen) passes',
      websiteRpWithId(unitDraft('hebei'), 'hk_macau_permit', 'H12345678'),
      none('hebei.foreign_nationals'),
    ],
  ],
};

describe.each(Object.entries(TABLE))('%s rules', (_province, cases) => {
  it.each(cases)('%s', (_name, input, expectation) => assertCase(input, expectation));
});
