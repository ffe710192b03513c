import type { RejectionReason } from '../../contracts/filing-data.ts';
import { APPROVED_TLDS } from '../data/domain-industry.ts';
import type { SimDomainRow } from '../store/schema.ts';
import type { SimContext, SimTrx } from './context.ts';
import { isPlausibleDomain, registrableDomain, tldOf } from './domain-names.ts';
import { type FilerIdentity, registrantMatches } from './filer-identity.ts';

const reason = (field: string, code: string, message: string, suggestion: string): RejectionReason => ({
  field,
  code,
  message,
  suggestion,
});

/**
 * MIIT's website-filing domain verification (domain.md §6.3). Returns every failed condition with its fix, in the
 * order of the five pass conditions; an empty list means the domain passes. Registrant data that has not reached
 * MIIT yet cannot be compared, so the registrant check only runs on reported real-name data.
 */
export async function verifyDomain(
  trx: SimTrx,
  ctx: SimContext,
  input: { domain: string; field: string; filer: FilerIdentity },
): Promise<RejectionReason[]> {
  const { field, filer } = input;
  const domain = registrableDomain(input.domain);
  if (!isPlausibleDomain(domain)) {
    return [reason(field, 'DOMAIN_INVALID', '域名格式不正确', '请填写已注册的域名，例如 example.com')];
  }
  const entry = await trx.selectFrom('sim_domain').selectAll().where('domain', '=', domain).executeTakeFirst();
  if (!entry) return unknownDomain(ctx, domain, field);
  return checkEntry(entry, filer, field, ctx.clock.now());
}

function unknownDomain(ctx: SimContext, domain: string, field: string): RejectionReason[] {
  const tld = tldOf(domain);
  if (!APPROVED_TLDS.has(tld)) return [tldNotApproved(field, tld)];
  if (ctx.options.unknownDomainPolicy === 'pass') return [];
  return [
    reason(
      field,
      'DOMAIN_NOT_REGISTERED',
      `未查询到域名 ${domain} 的注册信息`,
      '请核对域名拼写，并确认域名已在工信部批准的注册商处注册',
    ),
  ];
}

const tldNotApproved = (field: string, tld: string) =>
  reason(
    field,
    'DOMAIN_TLD_NOT_APPROVED',
    `域名后缀 .${tld} 不在工信部批准的顶级域名范围内，不能用于备案`,
    '请联系域名注册商确认；或改用已批准的后缀（如 .cn、.com）注册的域名',
  );

function checkEntry(entry: SimDomainRow, filer: FilerIdentity, field: string, now: Date): RejectionReason[] {
  const out: RejectionReason[] = [];
  if (!entry.tld_approved) out.push(tldNotApproved(field, entry.tld));
  if (!entry.registrar_approved) {
    out.push(
      reason(
        field,
        'DOMAIN_REGISTRAR_NOT_APPROVED',
        `域名注册商“${entry.registrar}”不是工信部批准的域名注册服务机构`,
        '请联系注册商；境外注册的域名须先转入国内获批准的注册商并完成实名认证',
      ),
    );
  }
  if (entry.expires_at.getTime() <= now.getTime()) {
    out.push(
      reason(
        field,
        'DOMAIN_EXPIRED',
        `域名已于 ${entry.expires_at.toISOString().slice(0, 10)} 到期`,
        '请先在注册商处续费，续费生效后再提交备案',
      ),
    );
  }
  if (entry.real_name_status === 'not_verified') {
    out.push(
      reason(
        field,
        'DOMAIN_REAL_NAME_MISSING',
        '域名尚未完成实名认证',
        '请在注册商处完成域名实名认证，认证信息须与备案主体一致',
      ),
    );
  } else if (entry.real_name_status === 'verified_not_reported') {
    out.push(
      reason(
        field,
        'DOMAIN_REAL_NAME_NOT_REPORTED',
        '域名已完成实名认证，但实名信息尚未报送至工信部',
        '实名信息报送入库约需3个工作日，请等待后再提交',
      ),
    );
  } else if (
    !registrantMatches(filer, {
      name: entry.registrant_name,
      certificateType: entry.registrant_certificate_type,
      certificateNumber: entry.registrant_certificate_number,
    })
  ) {
    out.push(
      reason(
        field,
        'DOMAIN_REGISTRANT_MISMATCH',
        '域名实名信息与备案主体信息不一致',
        filer.individual
          ? '个人备案的域名持有者须为本人：请修改域名持有者信息或备案信息，使姓名、证件类型和证件号码一致'
          : '单位备案的域名持有者须为该单位或主体负责人：请修改域名持有者信息或备案信息，使名称、证件类型和证件号码一致',
      ),
    );
  }
  return out;
}
