import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The browser app may import only the shared contracts and the pure validators from the server's tree, never
 * use cases, adapters or HTTP code; features never import each other's internals except their api/ files (the
 * endpoint hooks), so each screen can change on its own. Validators are imported file by file: the barrel
 * drags google-libphonenumber into every page.
 */
const repo = resolve(import.meta.dirname, '..');
const webSrc = join(repo, 'web', 'src');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) ? [join(dir, e.name)] : [],
  );

const ALLOWED_SERVER = [/^src\/contracts\//, /^src\/domain\/validation\/(?!index\.ts$)/];

describe('web dependency rule', () => {
  const imports = files(webSrc).flatMap((file) =>
    [
      ...readFileSync(file, 'utf8').matchAll(
        /(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
      ),
    ]
      .map((m) => m[1] ?? m[2] ?? '')
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => ({ file: relative(repo, file), target: relative(repo, resolve(file, '..', spec)) })),
  );

  it('reads the imports', () => {
    expect(imports.length).toBeGreaterThan(20);
  });

  it('imports from the server tree only contracts and validator files', () => {
    const bad = imports.filter(
      ({ target }) => !target.startsWith('web/') && !ALLOWED_SERVER.some((re) => re.test(target)),
    );
    expect(bad).toEqual([]);
  });

  it('keeps features apart except through their api/ folder', () => {
    const feature = (p: string) => /^web\/src\/features\/([^/]+)\//.exec(p)?.[1];
    const bad = imports.filter(({ file, target }) => {
      const [from, to] = [feature(file), feature(target)];
      return from && to && from !== to && !/^web\/src\/features\/[^/]+\/(api|messages\.ts)/.test(target);
    });
    expect(bad).toEqual([]);
  });
});
