import { getProvince } from '../province/provinces.ts';
import { isLocalId, ruleId } from '../province/rule-engine.ts';
import {
  type Ctx,
  idKey,
  isForeignNational,
  isIndividualSubject,
  isUnit,
  type PersonRef,
  personAge,
  phoneKey,
  report,
  t,
} from './context.ts';

/** Responsible-person rules: who the persons are, their relation to the legal person, age, origin (§4.4, §7.1). */

function checkIndividualIsResponsible(ctx: Ctx) {
  const subject = ctx.input.data.subject;
  const person = subject?.responsiblePerson;
  if (!ctx.subjectInOrder || !isIndividualSubject(ctx) || !subject || !person) return;
  // An individual subject is the person: the certificate, the name and the responsible person are one.
  const same =
    (!subject.certificateNumber || !person.idNumber || idKey(subject.certificateNumber) === idKey(person.idNumber)) &&
    (!subject.certificateType || !person.idType || subject.certificateType === person.idType) &&
    (!subject.sponsorName || !person.name || subject.sponsorName.trim() === person.name.trim());
  if (same) return;
  report(
    ctx,
    'national.individual_subject_is_responsible_person',
    'block',
    'subject.responsiblePerson',
    t(
      '个人备案的主体负责人须为本人，姓名与证件须与主办者一致',
      'For an individual, the responsible person is the individual: same name and certificate',
    ),
    t('将主体负责人改为本人', 'Enter the individual as the responsible person'),
  );
}

function checkSameAsSubject(ctx: Ctx) {
  const subjectPerson = ctx.subjectResponsible;
  if (!ctx.websitesInOrder || !subjectPerson?.idNumber) return;
  ctx.websites.forEach((w, i) => {
    const person = w.responsiblePerson;
    if (!w.sameAsSubjectResponsible || !person?.idNumber) return;
    const same =
      idKey(person.idNumber) === idKey(subjectPerson.idNumber) &&
      (person.name ?? '').trim() === (subjectPerson.name ?? '').trim() &&
      phoneKey(person.mobile) === phoneKey(subjectPerson.mobile);
    if (same) return;
    report(
      ctx,
      'national.same_as_subject_responsible',
      'block',
      `websites.${i}.responsiblePerson`,
      t(
        '已勾选“同主体负责人”，但网站负责人信息与主体负责人不一致',
        '"Same as subject responsible person" is ticked but the data differs',
      ),
      t('取消勾选或改为与主体负责人一致', 'Untick it or copy the subject responsible person'),
    );
  });
}

/** MIIT treats one mobile as one person (one SMS code), so two people may not share a mobile. */
function checkSharedMobiles(ctx: Ctx) {
  const all: PersonRef[] = [...ctx.persons];
  if (!ctx.subjectInOrder && ctx.subjectResponsible) {
    all.unshift({ path: 'subject.responsiblePerson', person: ctx.subjectResponsible, role: 'subject' });
  }
  const owner = new Map<string, string>();
  for (const ref of all) {
    const mobile = phoneKey(ref.person.mobile);
    const id = idKey(ref.person.idNumber);
    if (!mobile || !id) continue;
    const other = owner.get(mobile);
    if (other === undefined) owner.set(mobile, id);
    else if (other !== id && ctx.persons.includes(ref)) {
      report(
        ctx,
        'national.mobile_shared_by_different_people',
        'block',
        `${ref.path}.mobile`,
        t(
          '不同负责人不能使用同一手机号码（工信部按手机号识别同一人）',
          'Different persons cannot share a mobile: MIIT treats one mobile as one person',
        ),
        t('填写负责人本人的手机号码', "Enter the person's own mobile"),
      );
    }
  }
}

function checkLegalPerson(ctx: Ctx) {
  const { pack } = ctx;
  if (!pack || !isUnit(ctx)) return;
  const subjectPerson = ctx.input.data.subject?.responsiblePerson;
  if (ctx.subjectInOrder && subjectPerson?.isLegalPerson === false) {
    const rule = pack.legalPersonAsSubjectResponsible;
    // 'required_or_subject_auth_letter' is satisfied by the letter, which the material list asks for.
    if (rule !== 'required_or_subject_auth_letter') {
      report(
        ctx,
        ruleId(pack, 'legalPersonAsSubjectResponsible', 'subject_responsible_legal_person'),
        rule === 'required' ? 'block' : 'warn',
        'subject.responsiblePerson.isLegalPerson',
        rule === 'required'
          ? t(
              `${getProvince(pack.code).nameZh}：单位主体负责人须为法定代表人`,
              `${getProvince(pack.code).nameEn}: the subject responsible person must be the legal person`,
            )
          : t('建议单位主体负责人填写法定代表人', 'The legal person is recommended as subject responsible person'),
        t('将主体负责人改为法定代表人', 'Enter the legal person as subject responsible person'),
      );
    }
  }
  if (!ctx.websitesInOrder) return;
  const subjectRp = ctx.subjectResponsible;
  const where = getProvince(pack.code);
  ctx.websites.forEach((w, i) => {
    const person = w.responsiblePerson;
    if (!person) return;
    if (pack.websiteResponsibleMustNotBeLegalPerson && person.isLegalPerson === true) {
      report(
        ctx,
        ruleId(pack, 'websiteResponsibleMustNotBeLegalPerson', 'website_responsible_not_legal_person'),
        'block',
        `websites.${i}.responsiblePerson.isLegalPerson`,
        t(
          `${where.nameZh}：单位网站负责人不能是法定代表人`,
          `${where.nameEn}: the website responsible person of a unit must not be the legal person`,
        ),
        t('另行指定网站负责人', 'Appoint another website responsible person'),
      );
    }
    if (
      pack.websiteResponsibleMustEqualSubjectResponsibleIfNotLegalPerson &&
      subjectRp?.isLegalPerson === false &&
      subjectRp.idNumber &&
      person.idNumber &&
      idKey(person.idNumber) !== idKey(subjectRp.idNumber)
    ) {
      report(
        ctx,
        ruleId(
          pack,
          'websiteResponsibleMustEqualSubjectResponsibleIfNotLegalPerson',
          'website_responsible_equals_subject_responsible',
        ),
        'block',
        `websites.${i}.responsiblePerson.idNumber`,
        t(
          `${where.nameZh}：主体负责人不是法定代表人时，网站负责人须与主体负责人为同一人`,
          `${where.nameEn}: when the subject responsible person is not the legal person, they must also be the website responsible person`,
        ),
        t(
          '网站负责人改为主体负责人，或主体负责人改为法定代表人',
          'Use the subject responsible person, or make the legal person subject responsible person',
        ),
      );
    }
  });
}

function checkAges(ctx: Ctx) {
  const { pack } = ctx;
  if (!pack || !ctx.subjectType) return;
  const kind = isIndividualSubject(ctx) ? 'individual' : 'unit';
  const min = pack.minAge[kind];
  for (const { path, person } of ctx.persons) {
    const age = personAge(person, ctx.now);
    if (age === undefined || age >= 18 || (min !== undefined && age >= min)) continue;
    // Where minors file with an employment certificate, the material list asks for it instead of a refusal.
    if (pack.under18NeedsEmploymentCert[kind]) continue;
    if (min !== undefined) {
      report(
        ctx,
        ruleId(pack, 'minAge', 'min_age'),
        'block',
        `${path}.idNumber`,
        t(
          `${getProvince(pack.code).nameZh}：负责人须年满${min}周岁`,
          `${getProvince(pack.code).nameEn}: responsible persons must be at least ${min}`,
        ),
        t('更换已成年的负责人', 'Appoint an adult responsible person'),
      );
    } else {
      // No age rule in this province (open question §10.13): warn rather than refuse.
      report(
        ctx,
        'national.minor_responsible_person',
        'warn',
        `${path}.idNumber`,
        t('负责人未满18周岁，可能被管局退回', 'The responsible person is under 18; the administration may refuse'),
        t('建议由成年人担任负责人', 'Prefer an adult responsible person'),
      );
    }
  }
}

function checkIndividualOrigin(ctx: Ctx) {
  const { pack } = ctx;
  const subject = ctx.input.data.subject;
  if (!pack || !ctx.subjectInOrder || !isIndividualSubject(ctx) || !subject) return;
  const province = getProvince(pack.code);
  if (
    pack.individualId === 'local_only' &&
    subject.certificateType &&
    subject.certificateNumber &&
    !isLocalId(pack, subject.certificateType, subject.certificateNumber)
  ) {
    report(
      ctx,
      ruleId(pack, 'individualId', 'individual_local_id'),
      'block',
      'subject.certificateNumber',
      t(
        `${province.nameZh}：个人备案仅接受本省居民身份证`,
        `${province.nameEn}: individuals file only with a local resident ID`,
      ),
      t('由持本省身份证的本人备案', 'File as a person holding a local ID'),
    );
  }
  if (
    pack.individualCertificateAddressMustBeLocal &&
    subject.certificateAddress &&
    !subject.certificateAddress.includes(province.nameZh)
  ) {
    report(
      ctx,
      ruleId(pack, 'individualCertificateAddressMustBeLocal', 'certificate_address_local'),
      'block',
      'subject.certificateAddress',
      t(
        `${province.nameZh}：证件住所须在本省`,
        `${province.nameEn}: the address on the certificate must be in the province`,
      ),
      t('按证件填写本省住址', 'Enter the in-province address shown on the certificate'),
    );
  }
}

function checkForeignNationals(ctx: Ctx) {
  const { pack } = ctx;
  if (!pack || pack.foreignNationals === 'allowed') return;
  const field = ruleId(pack, 'foreignNationals', 'foreign_nationals');
  const message = t(
    `${getProvince(pack.code).nameZh}：不接受外国国籍人员备案`,
    `${getProvince(pack.code).nameEn}: foreign nationals cannot file`,
  );
  const fix = t('由中国公民担任', 'Use a Chinese citizen');
  if (pack.foreignNationals === 'forbidden') {
    for (const { path, person } of ctx.persons) {
      if (isForeignNational(person.idType, person.nationality))
        report(ctx, field, 'block', `${path}.idType`, message, fix);
    }
  }
  const subject = ctx.input.data.subject;
  if (
    ctx.subjectInOrder &&
    isIndividualSubject(ctx) &&
    subject &&
    isForeignNational(subject.certificateType, subject.responsiblePerson?.nationality)
  ) {
    report(ctx, field, 'block', 'subject.certificateType', message, fix);
  }
}

function checkUniqueAcrossSubjects(ctx: Ctx) {
  const { pack } = ctx;
  const others = new Set((ctx.input.existing?.otherSubjectsWebsiteResponsibleIds ?? []).map(idKey));
  if (!pack?.websiteResponsibleUniqueAcrossSubjects || !ctx.websitesInOrder || others.size === 0) return;
  ctx.websites.forEach((w, i) => {
    if (!w.responsiblePerson?.idNumber || !others.has(idKey(w.responsiblePerson.idNumber))) return;
    report(
      ctx,
      ruleId(pack, 'websiteResponsibleUniqueAcrossSubjects', 'website_responsible_unique'),
      'block',
      `websites.${i}.responsiblePerson.idNumber`,
      t(
        `${getProvince(pack.code).nameZh}：同一网站负责人不能出现在不同主体下`,
        `${getProvince(pack.code).nameEn}: a website responsible person may not serve different subjects`,
      ),
      t('更换网站负责人', 'Appoint another website responsible person'),
    );
  });
}

export function checkPeople(ctx: Ctx) {
  checkIndividualIsResponsible(ctx);
  checkSameAsSubject(ctx);
  checkSharedMobiles(ctx);
  checkLegalPerson(ctx);
  checkAges(ctx);
  checkIndividualOrigin(ctx);
  checkForeignNationals(ctx);
  checkUniqueAcrossSubjects(ctx);
}
