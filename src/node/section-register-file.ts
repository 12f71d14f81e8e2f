import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseRegister, type SectionRegister } from '../lib/sections/section-register.ts';

/** The section register of a site, or undefined for a site without one (fixtures), when nothing is enforced. */
export function readSectionRegister(file: string): SectionRegister | undefined {
  return existsSync(file) ? parseRegister(readFileSync(file, 'utf8'), file) : undefined;
}

export function writeSectionRegister(file: string, register: SectionRegister): void {
  writeFileSync(file, `${JSON.stringify(register, null, 2)}\n`);
}
