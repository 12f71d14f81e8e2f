import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser } from '../support/browser.ts';
import { buildSite, removeBuilds, repoRoot } from '../support/build-site.ts';
import { resultOptions, typeQuery } from '../support/search-page.ts';
import { serveStatic } from '../support/static-server.ts';

describe('a note made with npm run new', () => {
  it('builds and is found by search without further edits', async () => {
    const content = await mkdtemp(path.join(os.tmpdir(), 'new-note-'));
    await cp(path.join(repoRoot, 'content'), content, { recursive: true });
    const notesDir = path.join(content, 'notes');
    const created = spawnSync(
      process.execPath,
      [path.join(repoRoot, 'src/cli/new-note.ts'), 'Amazon SageMaker Model Monitor', '--topic', 'model-deployment'],
      {
        env: { ...process.env, NOTES_DIR: notesDir },
        encoding: 'utf8',
      },
    );
    expect(created.status, created.stderr).toBe(0);
    const source = await readFile(path.join(notesDir, 'amazon-sagemaker-model-monitor.mdx'), 'utf8');
    expect(source).toMatch(/^topic: model-deployment$/m);
    expect(source).toMatch(/^order: 3$/m); // after the two deployment notes

    // Notes may live in subfolders; the id and URL carry the folder.
    const inFolder = spawnSync(
      process.execPath,
      [
        path.join(repoRoot, 'src/cli/new-note.ts'),
        'Amazon ECR image scanning',
        '--topic',
        'containers',
        '--folder',
        'registries',
      ],
      { env: { ...process.env, NOTES_DIR: notesDir }, encoding: 'utf8' },
    );
    expect(inFolder.status, inFolder.stderr).toBe(0);
    expect(inFolder.stdout).toContain('/notes/registries/amazon-ecr-image-scanning/');

    const refused = spawnSync(
      process.execPath,
      [path.join(repoRoot, 'src/cli/new-note.ts'), 'Anything', '--topic', 'cooking'],
      { encoding: 'utf8' },
    );
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('--topic must be one of: model-deployment');

    const build = await buildSite({ notesDir });
    expect(build.exitCode, build.log).toBe(0);
    await readFile(path.join(build.outDir, 'notes/registries/amazon-ecr-image-scanning/index.html'), 'utf8');
    if (browserAvailable()) {
      const server = await serveStatic(build.outDir);
      const browser = await launchBrowser();
      const page = await browser.newPage();
      await page.goto(`${server.origin}/`);
      await page.keyboard.press('/');
      await typeQuery(page, 'model monitor');
      expect((await resultOptions(page)).map((option) => option.href)).toContain(
        '/notes/amazon-sagemaker-model-monitor/',
      );
      await typeQuery(page, 'image scanning');
      expect((await resultOptions(page)).map((option) => option.href)).toContain(
        '/notes/registries/amazon-ecr-image-scanning/',
      );
      await browser.close();
      await server.close();
    }
    await rm(content, { recursive: true, force: true });
    await removeBuilds();
  }, 120_000);
});
