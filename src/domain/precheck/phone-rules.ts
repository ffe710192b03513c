import { getProvince } from '../province/provinces.ts';
import { ruleId } from '../province/rule-engine.ts';
import { type Ctx, isIndividualSubject, phoneKey, report, t } from './context.ts';

/** Phone rules (§4.4, §7.1): emergency phones, office phones and local number ranges. */

function checkEmergencyDiffers(ctx: Ctx) {
  const { pack } = ctx;
  const strict = pack?.emergencyPhoneMustDiffer ?? false;
  const id = pack
    ? ruleId(pack, 'emergencyPhoneMustDiffer', 'emergency_phone_differs')
    : 'national.emergency_phone_differs';
  for (const { path, person } of ctx.persons) {
    const mobile = phoneKey(person.mobile);
    if (!mobile || mobile !== phoneKey(person.emergencyPhone)) continue;
    // The emergency line exists to reach someone when the mobile fails; the same number defeats it.
    report(
      ctx,
      id,
      strict ? 'block' : 'warn',
      `${path}.emergencyPhone`,
      t('应急联系电话不能与手机号码相同', 'The emergency phone must differ from the mobile'),
      t('填写另一个可联系到负责人的号码', 'Enter another number that reaches the person'),
    );
  }
}

/** Tianjin: the emergency phone belongs to a third person or relative, described in the remarks. */
function checkEmergencyThirdParty(ctx: Ctx) {
  const { pack } = ctx;
  if (!pack?.emergencyPhoneMustBeThirdParty) return;
  const place = getProvince(pack.code);
  const mobiles = new Set(
    [...ctx.persons.map((p) => p.person), ctx.subjectResponsible].map((p) => phoneKey(p?.mobile)).filter(Boolean),
  );
  const remarksOf = (index: number | undefined) =>
    (index === undefined ? '' : (ctx.websites[index]?.remarks ?? '')) || (ctx.input.data.subject?.remarks ?? '');
  for (const { path, person, websiteIndex } of ctx.persons) {
    const emergency = phoneKey(person.emergencyPhone);
    if (emergency && mobiles.has(emergency) && emergency !== phoneKey(person.mobile)) {
      report(
        ctx,
        ruleId(pack, 'emergencyPhoneMustBeThirdParty', 'emergency_phone_third_party'),
        'block',
        `${path}.emergencyPhone`,
        t(
          `${place.nameZh}：应急联系电话不能是主体或网站负责人的手机`,
          `${place.nameEn}: the emergency phone cannot be a responsible person's mobile`,
        ),
        t(
          '填写第三人（单位）或直系亲属（个人）的手机',
          'Enter a third person (units) or an immediate relative (individuals)',
        ),
      );
    }
    if (emergency && remarksOf(websiteIndex).trim() === '') {
      const field =
        websiteIndex === undefined || !ctx.websitesInOrder ? 'subject.remarks' : `websites.${websiteIndex}.remarks`;
      const who = isIndividualSubject(ctx)
        ? t('直系亲属姓名及与本人关系', 'relative and relationship')
        : t('第三人姓名及职务', 'third person and job title');
      report(
        ctx,
        ruleId(pack, 'emergencyPhoneMustBeThirdParty', 'emergency_contact_remarks'),
        'block',
        field,
        t(
          `${place.nameZh}：须在备注中写明应急联系电话使用人的${who.zhCN}`,
          `${place.nameEn}: the remarks must name the emergency contact (${who.enUS})`,
        ),
        t(`在备注中填写${who.zhCN}`, `Add the ${who.enUS} to the remarks`),
      );
    }
  }
}

function checkOfficePhone(ctx: Ctx) {
  const { pack } = ctx;
  if (!pack?.officePhoneRequired) return;
  const place = getProvince(pack.code);
  for (const { path, person } of ctx.persons) {
    if (person.officePhone?.trim()) continue;
    report(
      ctx,
      ruleId(pack, 'officePhoneRequired', 'office_phone_required'),
      'block',
      `${path}.officePhone`,
      t(
        `${place.nameZh}：须填写能联系到负责人的办公电话`,
        `${place.nameEn}: an office phone reaching the person is required`,
      ),
      t('填写办公电话', 'Enter the office phone'),
    );
  }
}

/**
 * Local number range (号段): no data here maps a mobile to its home province, so each mobile in scope becomes a
 * reviewer check instead of a guess.
 */
function checkLocalMobiles(ctx: Ctx) {
  const { pack } = ctx;
  if (!pack || pack.localMobileRequired === 'none') return;
  if (pack.localMobileRequired === 'individual' && !isIndividualSubject(ctx)) return;
  const place = getProvince(pack.code);
  for (const { path, person } of ctx.persons) {
    if (!person.mobile) continue;
    report(
      ctx,
      ruleId(pack, 'localMobileRequired', 'local_mobile'),
      'reviewer-check',
      `${path}.mobile`,
      t(`${place.nameZh}：手机号码须为本省号段`, `${place.nameEn}: the mobile must be a local number`),
      t('核实号码归属地，非本省号码请更换', 'Check where the number is registered; replace a non-local one'),
    );
  }
}

export function checkPhones(ctx: Ctx) {
  checkEmergencyDiffers(ctx);
  checkEmergencyThirdParty(ctx);
  checkOfficePhone(ctx);
  checkLocalMobiles(ctx);
}
