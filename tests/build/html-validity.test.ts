import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { repoRoot } from '../support/build-site.ts';

const site = inject('site');
const pages = readdirSync(site.outDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
// The project's own .htmlvalidate.json: html-validate's recommended rules, inline styles forbidden.
const validator = new HtmlValidate(new FileSystemConfigLoader());

describe('every built page is valid HTML', () => {
  it('covers every page of the site', () => {
    expect(pages.length).toBeGreaterThanOrEqual(15);
    console.log(`html-validate: ${pages.length} pages`);
  });

  it.each(pages)('%s has no html-validate errors', async (page) => {
    const report = await validator.validateString(
      readFileSync(path.join(site.outDir, page), 'utf8'),
      path.join(repoRoot, '.htmlvalidate-target.html'),
    );
    const problems = report.results.flatMap((result) =>
      result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}: ${message.message}`),
    );
    expect(problems).toEqual([]);
  });
});
