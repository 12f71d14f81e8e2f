import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { highlightFingerprint, openHighlightCache } from '../../../src/node/highlight-cache.ts';

const block = (text: string): Root => ({
  type: 'root',
  children: [
    {
      type: 'element',
      tagName: 'pre',
      properties: { className: ['shiki'] },
      children: [{ type: 'text', value: text }],
    },
  ],
});

function cacheFile(): string {
  return path.join(mkdtempSync(path.join(os.tmpdir(), 'highlight-cache-')), 'nested', 'highlighted-code.json');
}

describe('highlight cache', () => {
  it('gives back, after a restart, the blocks the last run used', () => {
    const file = cacheFile();
    const first = openHighlightCache(file, 'v1');
    first.set('["bash","","echo hi"]', block('echo hi'));
    first.save();
    expect(openHighlightCache(file, 'v1').get('["bash","","echo hi"]')).toEqual(block('echo hi'));
    expect(openHighlightCache(file, 'v1').get('["bash","","echo bye"]')).toBeUndefined();
  });

  it('hands each caller its own copy, so a later step cannot change what the cache holds', () => {
    const cache = openHighlightCache(cacheFile(), 'v1');
    cache.set('key', block('original'));
    const given = cache.get('key')!;
    (given.children[0] as { tagName: string }).tagName = 'changed';
    expect(cache.get('key')).toEqual(block('original'));
  });

  it('ignores a cache written with another fingerprint, and a corrupt one', () => {
    const file = cacheFile();
    const old = openHighlightCache(file, 'v1');
    old.set('key', block('old colours'));
    old.save();
    expect(openHighlightCache(file, 'v2').get('key')).toBeUndefined();
    writeFileSync(file, '{"fingerprint":"v1","blo');
    expect(openHighlightCache(file, 'v1').get('key')).toBeUndefined();
  });

  it('keeps only the blocks used since it was opened', () => {
    const file = cacheFile();
    const first = openHighlightCache(file, 'v1');
    first.set('kept', block('kept'));
    first.set('dropped', block('dropped'));
    first.save();
    const second = openHighlightCache(file, 'v1');
    second.get('kept');
    second.save();
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { blocks: Record<string, Root> };
    expect(Object.values(saved.blocks)).toEqual([block('kept')]);
  });

  it('leaves the file alone after a run that highlighted nothing', () => {
    const file = cacheFile();
    const build = openHighlightCache(file, 'v1');
    build.set('key', block('kept'));
    build.save();
    openHighlightCache(file, 'v1').save();
    expect(openHighlightCache(file, 'v1').get('key')).toEqual(block('kept'));
  });

  it('changes its fingerprint when a source file or a value changes', () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'highlight-fingerprint-'));
    const source = path.join(directory, 'classes.ts');
    writeFileSync(source, 'export const a = 1;');
    const before = highlightFingerprint([new URL(`file://${source}`)], ['shiki'], [{ theme: 'light' }]);
    expect(highlightFingerprint([new URL(`file://${source}`)], ['shiki'], [{ theme: 'light' }])).toBe(before);
    expect(highlightFingerprint([new URL(`file://${source}`)], ['shiki'], [{ theme: 'dark' }])).not.toBe(before);
    writeFileSync(source, 'export const a = 2;');
    expect(highlightFingerprint([new URL(`file://${source}`)], ['shiki'], [{ theme: 'light' }])).not.toBe(before);
  });
});
