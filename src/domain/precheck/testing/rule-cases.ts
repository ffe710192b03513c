import type { ProvinceCode } from '../../province/provinces.ts';
import {
  changeSubjectDraft,
  idFor,
  individualDraft,
  individualSubject,
  person,
  unitDraft,
  unitSubject,
} from './builders.ts';
import { block, none, notRequires, type RuleCase, requires, review } from './cases.ts';
import {
  asType,
  emergencyIsOwnMobile,
  individualAged,
  individualWithId,
  subjectRpNotLegal,
  websiteCount,
  websiteRpAged,
  websiteRpLegal,
  withSubject,
} from './variants.ts';

/**
 * One negative (rule broken or condition met) and one positive (rule kept or condition absent) row per
 * rule kind, parameterised by province, so a province table lists its rules and gets both polarities.
 */

const otherProvince = (p: ProvinceCode): ProvinceCode => (p === 'beijing' ? 'tianjin' : 'beijing');

export const legalPersonRequired = (p: ProvinceCode): RuleCase[] => [
  [
    'subject responsible person not the legal person is refused',
    subjectRpNotLegal(unitDraft(p)),
    block(`${p}.subject_responsible_legal_person`, 'subject.responsiblePerson.isLegalPerson'),
  ],
  ['legal person as subject responsible person passes', unitDraft(p), none(`${p}.subject_responsible_legal_person`)],
];

export const subjectAuthLetter = (p: ProvinceCode): RuleCase[] => [
  [
    'non-legal-person subject responsible person needs the subject letter',
    subjectRpNotLegal(unitDraft(p)),
    requires('auth_subject_rp', `${p}.subject_auth_letter`),
  ],
  ['... and is not refused', subjectRpNotLegal(unitDraft(p)), none(`${p}.subject_responsible_legal_person`)],
  ['legal person needs no subject letter', unitDraft(p), notRequires('auth_subject_rp')],
];

export const websiteAuthLetter = (p: ProvinceCode): RuleCase[] => [
  [
    'non-legal-person website owner needs the website letter',
    unitDraft(p),
    requires('auth_website_rp', `${p}.website_auth_letter`, 0),
  ],
  ['legal person as website owner needs no letter', websiteRpLegal(unitDraft(p)), notRequires('auth_website_rp')],
];

export const localIdOnly = (p: ProvinceCode): RuleCase[] => [
  [
    'individual with a non-local ID is refused',
    individualWithId(individualDraft(p), 'resident_id', idFor(otherProvince(p), 35, 101)),
    block(`${p}.individual_local_id`, 'subject.certificateNumber'),
  ],
  ['individual with a local ID passes', individualDraft(p), none(`${p}.individual_local_id`)],
];

export const residenceProof = (p: ProvinceCode): RuleCase[] => [
  [
    'non-local individual gives residence proof',
    individualWithId(individualDraft(p), 'resident_id', idFor(otherProvince(p), 35, 101)),
    requires('residence_proof', `${p}.residence_proof`),
  ],
  ['local individual needs no residence proof', individualDraft(p), notRequires('residence_proof')],
];

export const localMobileAll = (p: ProvinceCode): RuleCase[] => [
  [
    'every mobile goes to the reviewer for the local range',
    unitDraft(p),
    review(`${p}.local_mobile`, 'websites.0.responsiblePerson.mobile'),
  ],
  ['an order without persons has no phone to check', asType(unitDraft(p), 'change_access'), none(`${p}.local_mobile`)],
];

export const emergencyDiffers = (p: ProvinceCode): RuleCase[] => [
  [
    'emergency phone equal to the mobile is refused',
    emergencyIsOwnMobile(unitDraft(p)),
    block(`${p}.emergency_phone_differs`, 'websites.0.responsiblePerson.emergencyPhone'),
  ],
  ['distinct emergency phone passes', unitDraft(p), none(`${p}.emergency_phone_differs`)],
];

export const minAge = (p: ProvinceCode, kind: 'unit' | 'individual'): RuleCase[] =>
  kind === 'unit'
    ? [
        [
          'unit website owner aged 17 is refused',
          websiteRpAged(unitDraft(p), p, 17),
          block(`${p}.min_age`, 'websites.0.responsiblePerson.idNumber'),
        ],
        ['unit website owner aged 18 passes', websiteRpAged(unitDraft(p), p, 18), none(`${p}.min_age`)],
      ]
    : [
        [
          'individual aged 17 is refused',
          individualAged(individualDraft(p), p, 17),
          block(`${p}.min_age`, 'subject.responsiblePerson.idNumber'),
        ],
        ['individual aged 18 passes', individualAged(individualDraft(p), p, 18), none(`${p}.min_age`)],
      ];

const publicInstitution = (
  p: ProvinceCode,
  certificateType: 'org_code_certificate' | 'public_institution_certificate',
) =>
  withSubject(unitDraft(p), (s) => {
    s.subjectType = 'public_institution';
    s.certificateType = certificateType;
    s.certificateNumber = certificateType === 'org_code_certificate' ? '60003734-1' : 'SY12345678';
  });

export const orgCodeRefused = (p: ProvinceCode): RuleCase[] => [
  [
    'organisation-code certificate is refused (latest 3-in-1 only)',
    publicInstitution(p, 'org_code_certificate'),
    block(`${p}.org_code_certificate`, 'subject.certificateType'),
  ],
  [
    'current institution certificate passes',
    publicInstitution(p, 'public_institution_certificate'),
    none(`${p}.org_code_certificate`),
  ],
];

export const changeCert = (p: ProvinceCode): RuleCase[] => {
  const before = unitSubject(p);
  return [
    [
      'renamed unit gives the change certificate',
      changeSubjectDraft(before, { ...before, sponsorName: `${before.sponsorName}新` }),
      requires('change_cert', `${p}.change_cert`),
    ],
    [
      'a new mailing address needs no change certificate',
      changeSubjectDraft(before, { ...before, mailingAddress: '新地址1号' }),
      notRequires('change_cert'),
    ],
  ];
};

export const onlyToOwnUnit = (p: ProvinceCode): RuleCase[] => {
  const before = individualSubject(p);
  const otherLegalPerson = unitSubject(p, { responsiblePerson: person(p, 3, { isLegalPerson: true }) });
  return [
    [
      "individual becoming someone else's unit is refused",
      changeSubjectDraft(before, otherLegalPerson),
      block(`${p}.individual_subject_change`, 'subject'),
    ],
    [
      'individual becoming their own unit passes',
      changeSubjectDraft(before, unitSubject(p)),
      none(`${p}.individual_subject_change`),
    ],
  ];
};

export const onePerSubmission = (p: ProvinceCode): RuleCase[] => [
  [
    'two websites in one application are refused',
    websiteCount(unitDraft(p), p, 2),
    block(`${p}.websites_per_submission`, 'websites'),
  ],
  ['one website per application passes', unitDraft(p), none(`${p}.websites_per_submission`)],
];

/** Reviewer checks: present when the scope applies, absent for an order type outside it. */
export const reviewerCheck = (
  id: string,
  draft: ReturnType<typeof unitDraft>,
  outOfScope: ReturnType<typeof unitDraft>,
): RuleCase[] => [
  [`reviewer checks ${id}`, draft, review(id)],
  [`no ${id} outside its scope`, outOfScope, none(id)],
];

export const footer = (p: ProvinceCode, copyright = true): RuleCase[] =>
  reviewerCheck(
    `${p}.footer_filing_link${copyright ? '_and_copyright' : ''}`,
    unitDraft(p),
    asType(unitDraft(p), 'change_access'),
  );

export const unfiledDomain = (p: ProvinceCode): RuleCase[] =>
  reviewerCheck(`${p}.unfiled_domain_not_serving`, unitDraft(p), asType(unitDraft(p), 'add_access_subject_elsewhere'));

export const orderLetterCases = (
  p: ProvinceCode,
  kind: Parameters<typeof requires>[0],
  rule: string,
  draft = unitDraft(p),
): RuleCase[] => [
  [`new websites carry the ${kind}`, draft, requires(kind, rule)],
  [`a website change needs no ${kind}`, asType(draft, 'change_website'), notRequires(kind)],
];
