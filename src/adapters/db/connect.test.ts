import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareDataDir } from './connect.ts';

describe('prepareDataDir (PGlite template copy on a first start)', () => {
  const dirs: string[] = [];
  const temp = () => {
    const d = mkdtempSync(join(tmpdir(), 'beian-connect-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const template = () => {
    const t = join(temp(), 'template');
    mkdirSync(join(t, 'base'), { recursive: true });
    writeFileSync(join(t, 'PG_VERSION'), '17\n');
    writeFileSync(join(t, 'base', 'marker'), 'from template');
    return t;
  };

  it('copies the template into a missing or empty directory', () => {
    const t = template();
    const missing = join(temp(), 'pglite');
    prepareDataDir(missing, t);
    expect(readFileSync(join(missing, 'base', 'marker'), 'utf8')).toBe('from template');
    const empty = temp();
    prepareDataDir(empty, t);
    expect(existsSync(join(empty, 'PG_VERSION'))).toBe(true);
  });

  it('never touches an initialised or non-empty directory', () => {
    const t = template();
    const existing = temp();
    writeFileSync(join(existing, 'PG_VERSION'), '17\n');
    prepareDataDir(existing, t);
    expect(existsSync(join(existing, 'base'))).toBe(false);
    const foreign = temp();
    writeFileSync(join(foreign, 'notes.txt'), 'x');
    prepareDataDir(foreign, t);
    expect(existsSync(join(foreign, 'PG_VERSION'))).toBe(false);
  });

  it('without a template only creates the directory', () => {
    const dir = join(temp(), 'a', 'b');
    prepareDataDir(dir, undefined);
    expect(existsSync(dir)).toBe(true);
    expect(existsSync(join(dir, 'PG_VERSION'))).toBe(false);
  });
});
