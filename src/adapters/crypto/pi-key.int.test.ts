import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEV_KEY_FILE, loadPiKey } from './pi-cipher.ts';

const dir = mkdtempSync(join(tmpdir(), 'beian-pi-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadPiKey', () => {
  it('prefers PI_ENCRYPTION_KEY', () => {
    const key = randomBytes(32);
    const loaded = loadPiKey({ PI_ENCRYPTION_KEY: key.toString('base64'), DATA_DIR: dir, NODE_ENV: 'development' });
    expect(loaded.equals(key)).toBe(true);
  });

  it('asvs-11.3.2 creates a 0600 development key on first use and reuses it', () => {
    const dataDir = join(dir, 'nested', 'data');
    const first = loadPiKey({ DATA_DIR: dataDir, NODE_ENV: 'development' });
    expect(first.length).toBe(32);
    const file = join(dataDir, DEV_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64').equals(first)).toBe(true);
    expect(loadPiKey({ DATA_DIR: dataDir, NODE_ENV: 'test' }).equals(first)).toBe(true);
  });

  it('never falls back to the development key in production', () => {
    expect(() => loadPiKey({ DATA_DIR: dir, NODE_ENV: 'production' })).toThrow(/required in production/);
  });

  it('refuses a key of the wrong length', () => {
    const bad = randomBytes(16).toString('base64');
    expect(() => loadPiKey({ PI_ENCRYPTION_KEY: bad, DATA_DIR: dir, NODE_ENV: 'test' })).toThrow(/32 bytes/);
  });
});
