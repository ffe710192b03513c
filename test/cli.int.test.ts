import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** Runs the real `beian` command; resolves with exit code and stdout even when it exits non-zero. */
async function beian(...args: string[]) {
  try {
    const { stdout } = await run('node', ['bin/beian.js', ...args], { env: { ...process.env, LOG_LEVEL: 'silent' } });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

describe('beian CLI', () => {
  it('validate prints the JSON verdict and exits 0 for a valid value', async () => {
    const r = await beian('validate', 'resident-id', '１１０１０５１９４９１２３１００２ｘ');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ valid: true, normalized: '11010519491231002X', errors: [] });
  });

  it.each([
    ['mobile', '14012345678', 'MOBILE'],
    ['uscc', '91110000600037341N', 'USCC_CHECKSUM'],
    ['icp-number', '京ICP备2021012345', 'ICP'],
    ['domain', 'http://example.com/path', 'DOMAIN'],
  ])('validate %s %s exits 1 with a stable error code', async (kind, value, prefix) => {
    const r = await beian('validate', kind, value);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.valid).toBe(false);
    expect(out.errors[0].code.startsWith(prefix)).toBe(true);
  });

  it('validate checks a resident ID birth date against the real date (2099 is refused)', async () => {
    const r = await beian('validate', 'resident-id', '110105209912310029');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).errors.map((e: { code: string }) => e.code)).toEqual(['RESIDENT_ID_BIRTH_DATE']);
  });

  it('validate normalises +86 mobiles and IDN domains', async () => {
    expect(JSON.parse((await beian('validate', 'mobile', '+86 138-0013-8000')).stdout).normalized).toBe('13800138000');
    expect(JSON.parse((await beian('validate', 'domain', '例子.中国')).stdout).normalized).toBe(
      'xn--fsqu00a.xn--fiqs8s',
    );
  });

  it('precheck prints findings and required materials of a draft file', async () => {
    const r = await beian('precheck', 'examples/draft-first-filing.json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    const rules = out.findings.map((f: { ruleId: string }) => f.ruleId);
    expect(rules).toContain('guangdong.emergency_phone_differs');
    expect(rules).toContain('format.RESIDENT_ID_BIRTH_DATE');
    expect(out.requiredMaterials.map((m: { kind: string }) => m.kind)).toEqual(
      expect.arrayContaining(['subject_cert', 'subject_rp_id', 'website_rp_id', 'domain_cert', 'commitment']),
    );
  });

  it('an unknown command prints the usage and exits 2', async () => {
    const r = await beian('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('beian validate <kind> <value>');
  });
});
