/**
 * The register of published section URLs (`content/section-register.json`). Every section id that
 * was ever published must keep resolving: either it still exists, or `moved` maps it to the id
 * that replaced it. Sections are only ever added to `published`, never dropped.
 */
export interface SectionRegister {
  published: Record<string, string[]>;
  moved: Record<string, Record<string, string>>;
}

export interface RegisterProblem {
  note: string;
  section: string;
  message: string;
}

export const EMPTY_REGISTER: SectionRegister = { published: {}, moved: {} };

/** Where a published id leads now: itself, or the end of its chain of moves (undefined if broken or circular). */
export function resolveSection(
  register: SectionRegister,
  note: string,
  section: string,
  current: ReadonlySet<string>,
): string | undefined {
  const moves = register.moved[note] ?? {};
  const seen = new Set<string>();
  let id = section;
  while (!current.has(id)) {
    const next = moves[id];
    if (next === undefined || seen.has(id)) return undefined;
    seen.add(id);
    id = next;
  }
  return id;
}

/** Published sections of one note that no longer resolve, each with what the author can do about it. */
export function checkNoteSections(
  register: SectionRegister,
  note: string,
  current: ReadonlySet<string>,
): RegisterProblem[] {
  const problems: RegisterProblem[] = [];
  for (const section of register.published[note] ?? []) {
    if (resolveSection(register, note, section, current) !== undefined) continue;
    const target = register.moved[note]?.[section];
    problems.push({
      note,
      section,
      message:
        target === undefined
          ? `the published section "#${section}" of /notes/${note}/ no longer exists. Keep the heading, pin its id with {/*${section}*/}, or map it to its new id under "moved" in the section register.`
          : `the published section "#${section}" of /notes/${note}/ is mapped to "#${target}", which does not exist either.`,
    });
  }
  return problems;
}

/** Published notes that are gone from the site altogether. */
export function checkNotes(register: SectionRegister, presentNotes: ReadonlySet<string>): RegisterProblem[] {
  return Object.keys(register.published)
    .filter((note) => !presentNotes.has(note))
    .map((note) => ({
      note,
      section: '',
      message: `the published note /notes/${note}/ no longer exists; its sections are linked from the course. Restore it, or remove it from the section register on purpose.`,
    }));
}

/** Old ids to keep as aliases in a note, keyed by the current section they now lead to. */
export function aliasesFor(
  register: SectionRegister,
  note: string,
  current: ReadonlySet<string>,
): Map<string, string[]> {
  const aliases = new Map<string, string[]>();
  for (const old of Object.keys(register.moved[note] ?? {})) {
    if (current.has(old)) continue;
    const target = resolveSection(register, note, old, current);
    if (target !== undefined) aliases.set(target, [...(aliases.get(target) ?? []), old]);
  }
  return aliases;
}

/** The register with every current section published (new ids appended; nothing removed). */
export function publishSections(
  register: SectionRegister,
  sections: ReadonlyMap<string, readonly string[]>,
): SectionRegister {
  const published: Record<string, string[]> = structuredClone(register.published);
  for (const [note, ids] of [...sections].sort(([a], [b]) => a.localeCompare(b))) {
    const list = (published[note] ??= []);
    for (const id of ids)
      if (!list.includes(id) && resolveSection(register, note, id, new Set()) === undefined) list.push(id);
  }
  const sorted = Object.fromEntries(Object.entries(published).sort(([a], [b]) => a.localeCompare(b)));
  return { published: sorted, moved: register.moved };
}

/** Reads and shape-checks register JSON, naming the file in any error. */
export function parseRegister(json: string, file: string): SectionRegister {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const isRecordOf = (value: unknown, check: (item: unknown) => boolean) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(check);
  const isString = (value: unknown) => typeof value === 'string';
  const register = data as Partial<SectionRegister>;
  if (!isRecordOf(register.published, (ids) => Array.isArray(ids) && ids.every(isString)))
    throw new Error(`${file}: "published" must map each note id to a list of section ids`);
  if (!isRecordOf(register.moved ?? {}, (moves) => isRecordOf(moves, isString)))
    throw new Error(`${file}: "moved" must map each note id to { "old-id": "new-id" }`);
  return { published: register.published!, moved: register.moved ?? {} };
}
