/** Identity data of the 31 provincial administrations (管局). Rules live in ./rules, not here. */
export const PROVINCES = [
  { code: 'anhui', nameZh: '安徽', nameEn: 'Anhui', icpPrefix: '皖', residentIdPrefix: '34' },
  { code: 'beijing', nameZh: '北京', nameEn: 'Beijing', icpPrefix: '京', residentIdPrefix: '11' },
  { code: 'chongqing', nameZh: '重庆', nameEn: 'Chongqing', icpPrefix: '渝', residentIdPrefix: '50' },
  { code: 'fujian', nameZh: '福建', nameEn: 'Fujian', icpPrefix: '闽', residentIdPrefix: '35' },
  { code: 'gansu', nameZh: '甘肃', nameEn: 'Gansu', icpPrefix: '陇', residentIdPrefix: '62' },
  { code: 'guangdong', nameZh: '广东', nameEn: 'Guangdong', icpPrefix: '粤', residentIdPrefix: '44' },
  { code: 'guangxi', nameZh: '广西', nameEn: 'Guangxi', icpPrefix: '桂', residentIdPrefix: '45' },
  { code: 'guizhou', nameZh: '贵州', nameEn: 'Guizhou', icpPrefix: '黔', residentIdPrefix: '52' },
  { code: 'hainan', nameZh: '海南', nameEn: 'Hainan', icpPrefix: '琼', residentIdPrefix: '46' },
  { code: 'hebei', nameZh: '河北', nameEn: 'Hebei', icpPrefix: '冀', residentIdPrefix: '13' },
  { code: 'heilongjiang', nameZh: '黑龙江', nameEn: 'Heilongjiang', icpPrefix: '黑', residentIdPrefix: '23' },
  { code: 'henan', nameZh: '河南', nameEn: 'Henan', icpPrefix: '豫', residentIdPrefix: '41' },
  { code: 'hubei', nameZh: '湖北', nameEn: 'Hubei', icpPrefix: '鄂', residentIdPrefix: '42' },
  { code: 'hunan', nameZh: '湖南', nameEn: 'Hunan', icpPrefix: '湘', residentIdPrefix: '43' },
  { code: 'jiangsu', nameZh: '江苏', nameEn: 'Jiangsu', icpPrefix: '苏', residentIdPrefix: '32' },
  { code: 'jiangxi', nameZh: '江西', nameEn: 'Jiangxi', icpPrefix: '赣', residentIdPrefix: '36' },
  { code: 'jilin', nameZh: '吉林', nameEn: 'Jilin', icpPrefix: '吉', residentIdPrefix: '22' },
  { code: 'liaoning', nameZh: '辽宁', nameEn: 'Liaoning', icpPrefix: '辽', residentIdPrefix: '21' },
  { code: 'neimenggu', nameZh: '内蒙古', nameEn: 'Inner Mongolia', icpPrefix: '蒙', residentIdPrefix: '15' },
  { code: 'ningxia', nameZh: '宁夏', nameEn: 'Ningxia', icpPrefix: '宁', residentIdPrefix: '64' },
  { code: 'qinghai', nameZh: '青海', nameEn: 'Qinghai', icpPrefix: '青', residentIdPrefix: '63' },
  { code: 'shaanxi', nameZh: '陕西', nameEn: 'Shaanxi', icpPrefix: '陕', residentIdPrefix: '61' },
  { code: 'shandong', nameZh: '山东', nameEn: 'Shandong', icpPrefix: '鲁', residentIdPrefix: '37' },
  { code: 'shanghai', nameZh: '上海', nameEn: 'Shanghai', icpPrefix: '沪', residentIdPrefix: '31' },
  { code: 'shanxi', nameZh: '山西', nameEn: 'Shanxi', icpPrefix: '晋', residentIdPrefix: '14' },
  { code: 'sichuan', nameZh: '四川', nameEn: 'Sichuan', icpPrefix: '蜀', residentIdPrefix: '51' },
  { code: 'tianjin', nameZh: '天津', nameEn: 'Tianjin', icpPrefix: '津', residentIdPrefix: '12' },
  { code: 'xinjiang', nameZh: '新疆', nameEn: 'Xinjiang', icpPrefix: '新', residentIdPrefix: '65' },
  { code: 'yunnan', nameZh: '云南', nameEn: 'Yunnan', icpPrefix: '滇', residentIdPrefix: '53' },
  { code: 'zhejiang', nameZh: '浙江', nameEn: 'Zhejiang', icpPrefix: '浙', residentIdPrefix: '33' },
  { code: 'xizang', nameZh: '西藏', nameEn: 'Tibet', icpPrefix: '藏', residentIdPrefix: '54' },
] as const;

export type Province = (typeof PROVINCES)[number];
export type ProvinceCode = Province['code'];
export const PROVINCE_CODES = PROVINCES.map((p) => p.code) as [ProvinceCode, ...ProvinceCode[]];

const byCode = new Map<string, Province>(PROVINCES.map((p) => [p.code, p]));

export const findProvince = (code: string): Province | undefined => byCode.get(code);

export const getProvince = (code: ProvinceCode): Province => byCode.get(code)!;

export const provinceByResidentIdPrefix = (prefix: string): Province | undefined =>
  PROVINCES.find((p) => p.residentIdPrefix === prefix);
