import { describe, expect, it } from 'vitest';
import type { OrderData, Person } from '../../contracts/filing-data.ts';
import {
  isRevealablePath,
  maskAddress,
  maskEmail,
  maskIdNumber,
  maskMobile,
  maskName,
  maskOrderData,
  maskPerson,
  maskPhone,
  maskSubject,
  maskWebsite,
  revealField,
} from './mask.ts';

const person = (overrides: Partial<Person> = {}): Person => ({
  name: '张三',
  idType: 'resident_id',
  idNumber: '110105194912310021',
  idValidUntil: 'long_term',
  mobile: '13812345678',
  emergencyPhone: '13987654321',
  officePhone: '010-62345678',
  email: 'zhangsan@example.com',
  isLegalPerson: true,
  ...overrides,
});

describe('scalar masks (pi-2 formats)', () => {
  it.each([
    ['110105194912310021', '110***********0021'],
    ['11010519491231002X', '110***********002X'],
    ['E12345678', 'E12**5678'],
    ['H1234567', 'H12*4567'],
    ['1234567', '1*****7'],
    ['ab', '**'],
    ['', ''],
  ])('maskIdNumber(%s) = %s', (input, expected) => expect(maskIdNumber(input)).toBe(expected));

  it('maskMobile keeps the first 3 and last 4 digits', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskMobile(' 13812345678 ')).toBe('138****5678');
  });

  it.each([
    ['张三', '张*'],
    ['欧阳修', '欧**'],
    ['𠀋三', '𠀋*'],
    ['张', '*'],
    ['John Smith', 'J*********'],
  ])('maskName(%s) = %s', (input, expected) => expect(maskName(input)).toBe(expected));

  it.each([
    ['zhangsan@example.com', 'z***@example.com'],
    ['a@b.cn', 'a***@b.cn'],
    ['not-an-email', '***'],
    ['@example.com', '***'],
  ])('maskEmail(%s) = %s', (input, expected) => expect(maskEmail(input)).toBe(expected));

  it.each([
    ['010-62345678', '010-****5678'],
    ['021 62345678', '021 ****5678'],
    ['0755-1234567', '0755-***4567'],
    ['075512345678', '0755****5678'],
    ['0755-1234567-801', '0755-***4567'],
    ['13812345678', '138****5678'],
    ['+86 138 1234 5678', '138****5678'],
    ['12345', '*2345'],
  ])('maskPhone(%s) = %s', (input, expected) => expect(maskPhone(input)).toBe(expected));

  it.each([
    ['北京市海淀区中关村大街27号', '北京市海淀区***'],
    ['广东省深圳市南山区科技园科苑路15号', '广东省深圳市南山区***'],
    ['广西壮族自治区南宁市青秀区民族大道100号', '广西壮族自治区南宁市青秀区***'],
    ['浙江省金华市义乌市稠城街道工人北路1号', '浙江省金华市义乌市***'],
    ['新疆维吾尔自治区伊犁哈萨克自治州伊宁市解放路1号', '新疆维吾尔自治区伊犁哈萨克自治州伊宁市***'],
    ['内蒙古自治区锡林郭勒盟正蓝旗上都镇1号', '内蒙古自治区锡林郭勒盟正蓝旗***'],
    ['上海市浦东新区张江路88号', '上海市浦东新区***'],
    ['江苏省苏州市吴江区', '江苏省苏州市吴江区'],
    ['江苏省镇江市京口区学府路1号', '江苏省镇江市京口区***'],
    ['云南省大理白族自治州大理市下关镇1号', '云南省大理白族自治州大理市***'],
    // No district: keep the city, never a street or a compound.
    ['浙江省杭州市文三路阳光小区5幢', '浙江省杭州市***'],
    ['湖北省仙桃市某某镇农贸市场旁', '湖北省仙桃市***'],
    ['Room 5, 1 Queen Street', '***'],
  ])('maskAddress(%s) = %s', (input, expected) => expect(maskAddress(input)).toBe(expected));
});

describe('deep masks', () => {
  it('pi-2 maskPerson masks every personal field and keeps the rest', () => {
    expect(maskPerson(person())).toEqual({
      ...person(),
      name: '张*',
      idNumber: '110***********0021',
      mobile: '138****5678',
      emergencyPhone: '139****4321',
      officePhone: '010-****5678',
      email: 'z***@example.com',
    });
  });

  it('maskPerson leaves absent draft fields absent', () => {
    expect(maskPerson({ name: '李四' })).toStrictEqual({ name: '李*' });
  });

  it('pi-2 maskSubject masks an individual sponsor name and certificate number', () => {
    const masked = maskSubject({
      subjectType: 'individual',
      certificateType: 'resident_id',
      sponsorName: '张三',
      certificateNumber: '110105194912310021',
      certificateAddress: '北京市海淀区中关村大街27号',
      mailingAddress: '北京市朝阳区建国路1号',
      city: '北京市',
      responsiblePerson: person(),
    });
    expect(masked).toMatchObject({
      sponsorName: '张*',
      certificateNumber: '110***********0021',
      certificateAddress: '北京市海淀区***',
      mailingAddress: '北京市朝阳区***',
      city: '北京市',
      responsiblePerson: { name: '张*', idNumber: '110***********0021' },
    });
  });

  it('pi-2 maskSubject keeps a unit name and USCC (public) but masks its addresses', () => {
    const masked = maskSubject({
      subjectType: 'enterprise',
      certificateType: 'business_license',
      sponsorName: '北京示例科技有限公司',
      certificateNumber: '91110108MA01234567',
      certificateAddress: '北京市海淀区中关村大街27号',
    });
    expect(masked.sponsorName).toBe('北京示例科技有限公司');
    expect(masked.certificateNumber).toBe('91110108MA01234567');
    expect(masked.certificateAddress).toBe('北京市海淀区***');
  });

  it('maskSubject treats a draft without subject or certificate type as an individual', () => {
    expect(maskSubject({ sponsorName: '王五', certificateNumber: '110105194912310021' })).toStrictEqual({
      sponsorName: '王*',
      certificateNumber: '110***********0021',
    });
    expect(maskSubject({ certificateType: 'business_license', sponsorName: '某公司' }).sponsorName).toBe('某公司');
  });

  it('maskWebsite masks the responsible person only', () => {
    const masked = maskWebsite({
      name: '示例网站',
      domain: 'example.cn',
      responsiblePerson: { mobile: '13812345678' },
    });
    expect(masked).toStrictEqual({
      name: '示例网站',
      domain: 'example.cn',
      responsiblePerson: { mobile: '138****5678' },
    });
  });

  it('pi-2 maskOrderData leaves no unmasked ID or mobile anywhere and does not mutate its input', () => {
    const data: OrderData = {
      subject: { subjectType: 'individual', sponsorName: '张三', responsiblePerson: person() },
      websites: [
        { name: '站点', responsiblePerson: person({ mobile: '15900001111', idNumber: '320102199001011234' }) },
      ],
    };
    const before = JSON.stringify(data);
    const json = JSON.stringify(maskOrderData(data));
    expect(JSON.stringify(data)).toBe(before);
    expect(json).not.toMatch(/\d{6,}/);
    expect(json).toContain('159****1111');
    expect(json).toContain('320***********1234');
  });
});

describe('revealField', () => {
  const data: OrderData = {
    subject: {
      subjectType: 'individual',
      sponsorName: '张三',
      certificateNumber: '110105194912310021',
      responsiblePerson: person(),
    },
    websites: [{ name: '站点', domain: 'example.cn', responsiblePerson: person({ mobile: '15900001111' }) }],
  };

  it('asvs-8.2.3 returns the unmasked value at a PI path', () => {
    expect(revealField(data, 'subject.responsiblePerson.idNumber')).toBe('110105194912310021');
    expect(revealField(data, 'subject.certificateNumber')).toBe('110105194912310021');
    expect(revealField(data, 'websites.0.responsiblePerson.mobile')).toBe('15900001111');
  });

  it('asvs-8.2.3 gives undefined for non-PI paths, missing entries and tricks', () => {
    for (const path of [
      'websites.0.domain',
      'subject.responsiblePerson.idType',
      'websites.1.responsiblePerson.mobile',
      'subject.__proto__',
      'subject.responsiblePerson.constructor',
      'subject.certificateNumber.length',
      'websites.00000.responsiblePerson.mobile',
    ]) {
      expect(revealField(data, path), path).toBeUndefined();
    }
    expect(isRevealablePath('websites.3.responsiblePerson.email')).toBe(true);
    expect(isRevealablePath('websites.0.name')).toBe(false);
  });
});
