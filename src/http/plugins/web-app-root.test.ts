import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultWebRoot } from './web-app.ts';

describe('defaultWebRoot', () => {
  it('is dist/web of the checkout the code runs from', () => {
    const root = defaultWebRoot();
    expect(root.endsWith(join('dist', 'web'))).toBe(true);
    expect(existsSync(join(root, '..', '..', 'package.json'))).toBe(true);
  });
});
