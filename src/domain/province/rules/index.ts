import type { ProvinceCode } from '../provinces.ts';
import { anhui } from './anhui.ts';
import { beijing } from './beijing.ts';
import { chongqing } from './chongqing.ts';
import { fujian } from './fujian.ts';
import { gansu } from './gansu.ts';
import { guangdong } from './guangdong.ts';
import { guangxi } from './guangxi.ts';
import { guizhou } from './guizhou.ts';
import { hainan } from './hainan.ts';
import { hebei } from './hebei.ts';
import { heilongjiang } from './heilongjiang.ts';
import { henan } from './henan.ts';
import { hubei } from './hubei.ts';
import { hunan } from './hunan.ts';
import { jiangsu } from './jiangsu.ts';
import { jiangxi } from './jiangxi.ts';
import { jilin } from './jilin.ts';
import { liaoning } from './liaoning.ts';
import { neimenggu } from './neimenggu.ts';
import { ningxia } from './ningxia.ts';
import { qinghai } from './qinghai.ts';
import { shaanxi } from './shaanxi.ts';
import { shandong } from './shandong.ts';
import { shanghai } from './shanghai.ts';
import { shanxi } from './shanxi.ts';
import { sichuan } from './sichuan.ts';
import { tianjin } from './tianjin.ts';
import type { ProvinceRules } from './types.ts';
import { xinjiang } from './xinjiang.ts';
import { xizang } from './xizang.ts';
import { yunnan } from './yunnan.ts';
import { zhejiang } from './zhejiang.ts';

/** Every province module, keyed by code. A Record over ProvinceCode makes a missing province a compile error. */
export const PROVINCE_RULES: Record<ProvinceCode, ProvinceRules> = {
  anhui,
  beijing,
  chongqing,
  fujian,
  gansu,
  guangdong,
  guangxi,
  guizhou,
  hainan,
  hebei,
  heilongjiang,
  henan,
  hubei,
  hunan,
  jiangsu,
  jiangxi,
  jilin,
  liaoning,
  neimenggu,
  ningxia,
  qinghai,
  shaanxi,
  shandong,
  shanghai,
  shanxi,
  sichuan,
  tianjin,
  xinjiang,
  xizang,
  yunnan,
  zhejiang,
};
