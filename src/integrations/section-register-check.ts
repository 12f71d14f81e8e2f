import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { checkNotes, parseRegister, publishSections, type SectionRegister } from '../lib/sections/section-register.ts';
import { rehypeHeadingAnchors, type HeadingAnchorOptions } from '../plugins/rehype-heading-anchors.ts';

export interface SectionRegisterOptions {
  notesDir: string;
  /** The register file; when it does not exist (fixture sites), nothing is enforced. */
  registerFile: string;
  /** Add every current section to the register at the end of the build. */
  update: boolean;
}

/**
 * Keeps published section URLs working. The rehype step checks each note as it compiles and adds
 * aliases for moved sections; the integration checks that no published note has vanished, and in
 * update mode writes the register back with the sections this build published.
 */
export function sectionRegister(options: SectionRegisterOptions) {
  const register: SectionRegister | undefined = existsSync(options.registerFile)
    ? parseRegister(readFileSync(options.registerFile, 'utf8'), options.registerFile)
    : undefined;
  const sections = new Map<string, string[]>();
  const notesDir = path.resolve(options.notesDir);

  const noteIdOf = (file: VFile): string | undefined => {
    if (!file.path) return undefined;
    const relative = path.relative(notesDir, path.resolve(file.path));
    if (relative.startsWith('..') || !/\.mdx?$/.test(relative)) return undefined;
    return relative
      .replace(/\.mdx?$/, '')
      .split(path.sep)
      .join('/');
  };

  const anchorOptions: HeadingAnchorOptions = {
    noteIdOf,
    register,
    onSections: (note, ids) => void sections.set(note, ids),
  };
  const rehypePlugin: [typeof rehypeHeadingAnchors, HeadingAnchorOptions] = [rehypeHeadingAnchors, anchorOptions];

  const integration: AstroIntegration = {
    name: 'section-register',
    hooks: {
      'astro:build:done': ({ logger }) => {
        if (!register) return;
        const problems = checkNotes(register, new Set(sections.keys()));
        if (problems.length > 0) {
          throw new Error(
            `Broken section links (${options.registerFile}):\n${problems.map((problem) => `  - ${problem.message}`).join('\n')}`,
          );
        }
        if (options.update) {
          const updated = publishSections(register, sections);
          writeFileSync(options.registerFile, `${JSON.stringify(updated, null, 2)}\n`);
          const count = Object.values(updated.published).reduce((sum, ids) => sum + ids.length, 0);
          logger.info(
            `Section register updated: ${count} published sections in ${path.relative(process.cwd(), options.registerFile)}`,
          );
        }
      },
    },
  };

  return { integration, rehypePlugin };
}
