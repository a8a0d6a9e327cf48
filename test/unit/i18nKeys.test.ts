import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/en';
import { zhCN } from '../../shared/i18n/zh-CN';

const root = join(__dirname, '../../renderer/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'i18n' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function lookup(messages: object, key: string): unknown {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** i18next plural keys: `x` is found as `x_one` / `x_other` too. */
function isLeaf(messages: object, key: string): boolean {
  return ['', '_one', '_other'].some((suffix) => typeof lookup(messages, key + suffix) === 'string');
}

const sections = new Set(Object.keys(zhCN));
const files = sourceFiles(root);

// Every quoted dotted word whose first part is a catalogue section names a key: in t('…')
// calls, in tables of label keys and in props. Template literals `a.b.${x}` name a prefix.
const literalKey = /['"]([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_]+)+)['"]/g;
const templatePrefix = /`([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_]+)*)\.\$\{/g;

function uses(pattern: RegExp): { file: string; key: string }[] {
  return files.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(pattern)]
      .map((m) => m[1] ?? '')
      .filter((key) => sections.has(key.split('.')[0] ?? ''))
      .map((key) => ({ file: relative(root, file), key }));
  });
}

describe('translation keys named by the renderer', () => {
  it('finds the renderer using keys at all (the scan works)', () => {
    expect(uses(literalKey).length).toBeGreaterThan(300);
    expect(uses(templatePrefix).length).toBeGreaterThan(10);
  });

  it.each([
    ['zh-CN', zhCN],
    ['en', en],
  ] as const)('every literal key exists in %s', (_name, messages) => {
    const missing = uses(literalKey).filter(({ key }) => !isLeaf(messages, key) && typeof lookup(messages, key) !== 'object');
    expect(missing).toEqual([]);
  });

  it.each([
    ['zh-CN', zhCN],
    ['en', en],
  ] as const)('every composed key has its group in %s', (_name, messages) => {
    const missing = uses(templatePrefix).filter(({ key }) => typeof lookup(messages, key) !== 'object');
    expect(missing).toEqual([]);
  });
});

/** Every leaf key of a catalogue, dotted. */
function leaves(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? leaves(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

describe('the two catalogues', () => {
  it('have the same keys, plural forms aside', () => {
    const base = (messages: object) => [...new Set(leaves(messages).map((k) => k.replace(pluralSuffix, '')))].sort();
    expect(base(en)).toEqual(base(zhCN));
  });

  it('give every English plural both forms and every Chinese plural only `other`', () => {
    const enKeys = new Set(leaves(en));
    const zhKeys = new Set(leaves(zhCN));
    const plurals = [...enKeys, ...zhKeys].filter((k) => pluralSuffix.test(k)).map((k) => k.replace(pluralSuffix, ''));
    expect(plurals.length).toBeGreaterThan(10);
    for (const key of new Set(plurals)) {
      expect([key, enKeys.has(`${key}_one`), enKeys.has(`${key}_other`)]).toEqual([key, true, true]);
      expect([key, zhKeys.has(`${key}_other`), zhKeys.has(`${key}_one`), zhKeys.has(key)]).toEqual([key, true, false, false]);
    }
  });

  it('leave no English count without a plural form', () => {
    // "{{count}} rows" reads "1 rows": such a string needs _one/_other keys.
    const bare = leaves(en).filter((k) => !pluralSuffix.test(k) && /\{\{count\}\}/.test(String(lookup(en, k))));
    expect(bare).toEqual([]);
  });
});
