import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every visible string is a {zh, en} pair (web/src/i18n/message.ts): the compiler makes both present, this
 * test checks that neither is empty, that both use the same {placeholders}, and that no Chinese text sits in
 * the code outside a `zh:` field (which would show untranslated in English).
 */
const root = join(import.meta.dirname, 'src');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? files(join(dir, e.name))
      : /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );

const stripComments = (s: string) => s.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
const STRING = /(['"`])((?:\\.|(?!\1)[^\\])*)\1/g;
const CJK = /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/;
/** Filing-number examples (京ICP备12345678号) and a quoted character (“号”) are data, the same in any language. */
const withoutExamples = (s: string) => s.replace(/[\u4e00-\u9fff]ICP备\d+号(-\d+)?/g, '').replace(/“[^”]{1,3}”/g, '');
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('web strings', () => {
  const sources = files(root).map((f) => ({ file: relative(root, f), text: stripComments(readFileSync(f, 'utf8')) }));

  it('finds the app sources', () => {
    expect(sources.length).toBeGreaterThan(10);
  });

  it('keeps Chinese text only in zh fields', () => {
    const offenders: string[] = [];
    for (const { file, text } of sources) {
      for (const m of text.matchAll(STRING)) {
        // A language's own name (the switch shows 中文 in either language) is not a translation.
        if (!CJK.test(withoutExamples(m[2] ?? '')) || m[2] === '中文') continue;
        const before = text.slice(Math.max(0, (m.index ?? 0) - 40), m.index).trimEnd();
        if (!/\bzh:$/.test(before) && !/\bzh:\s*$/.test(before)) offenders.push(`${file}: ${m[0].slice(0, 40)}`);
      }
      // JSX text between tags.
      for (const m of text.matchAll(/>([^<>{}]*[\u3400-\u9fff][^<>{}]*)</g))
        offenders.push(`${file}: JSX text ${m[1]?.trim()}`);
    }
    expect(offenders).toEqual([]);
  });

  it('gives every message both languages with the same placeholders', () => {
    const pairs = /zh:\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1\s*,\s*en:\s*(['"`])((?:\\.|(?!\3)[^\\])*)\3/g;
    let count = 0;
    const bad: string[] = [];
    for (const { file, text } of sources) {
      for (const m of text.matchAll(pairs)) {
        count += 1;
        const [zh, en] = [m[2] ?? '', m[4] ?? ''];
        if (!zh.trim() || !en.trim()) bad.push(`${file}: empty text in ${m[0].slice(0, 60)}`);
        if (placeholders(zh).join() !== placeholders(en).join())
          bad.push(`${file}: placeholders differ in ${m[0].slice(0, 80)}`);
        if (CJK.test(withoutExamples(en)) && en !== '中文')
          bad.push(`${file}: Chinese in the English text ${en.slice(0, 40)}`);
      }
    }
    expect(bad).toEqual([]);
    expect(count).toBeGreaterThan(20);
  });
});
