/** A link found in a note, with the section (h2/h3) it appears in; empty ids mean "before the first heading". */
export interface SectionLink {
  href: string;
  sectionId: string;
  sectionTitle: string;
}

export interface NoteLinks {
  id: string;
  title: string;
  links: readonly SectionLink[];
}

export interface Backlink {
  from: string;
  title: string;
  sectionId: string;
  sectionTitle: string;
}

/** The note id a site-relative link points to (`/notes/eks/#data-volumes` → `eks`), or undefined. */
export function linkedNoteId(href: string, base = '/'): string | undefined {
  const prefix = `${base.replace(/\/+$/, '')}/notes/`;
  if (!href.startsWith(prefix)) return undefined;
  const id = href.slice(prefix.length).split(/[#?]/)[0]!.replace(/\/+$/, '');
  return id === '' ? undefined : id;
}

/** For each note, the other notes that link to it, with the section each link sits in (first link per section). */
export function backlinksByNote(notes: readonly NoteLinks[], base = '/'): Map<string, Backlink[]> {
  const backlinks = new Map<string, Backlink[]>();
  for (const note of notes) {
    for (const link of note.links) {
      const target = linkedNoteId(link.href, base);
      if (target === undefined || target === note.id) continue;
      const list = backlinks.get(target) ?? [];
      if (!list.some((entry) => entry.from === note.id && entry.sectionId === link.sectionId)) {
        list.push({ from: note.id, title: note.title, sectionId: link.sectionId, sectionTitle: link.sectionTitle });
      }
      backlinks.set(target, list);
    }
  }
  return backlinks;
}

export interface LectureRef {
  url: string;
  label: string;
}

export interface CoveredLecture {
  /** The lecture URL without its fragment: the same lecture is linked as #overview and #notes. */
  url: string;
  /** What the lecture teaches: its label, or, where the label is only a number, the notes' headings. */
  label: string;
  /** Udemy's lecture number, used to put lectures in course order. */
  lectureNumber: number;
  notes: { id: string; title: string; sections: { id: string; title: string }[] }[];
}

/** The lecture number in a course lecture URL (`.../learn/lecture/45356923#overview` → 45356923). */
export function lectureNumber(url: string): number {
  const match = new URL(url).pathname.match(/\/lecture\/(\d+)/);
  return match ? Number(match[1]) : Number.MAX_SAFE_INTEGER;
}

/** Whether a lecture's label says nothing of its subject ("Course lecture 45286459", "lecture 12"). */
export function isNumberOnlyLabel(label: string): boolean {
  return /^\s*(course\s+)?lecture\s*#?\s*\d+\s*$/i.test(label);
}

function withoutFragment(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

/** "A", "A and B", "A, B and C". */
function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const sameName = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' }) === 0;

/**
 * Every lecture the notes reference, in course order (by lecture number, which the course assigns
 * in the order lectures were added), each with the notes and the sections that link to it. A
 * lecture labelled only by its number is named after the headings that cover it: the sections
 * linking to it, or else the notes; lectures left with the same name are told apart as parts.
 * Sections that only repeat the note's or the lecture's name are left out.
 */
export function courseMap(notes: readonly (NoteLinks & { lectures: readonly LectureRef[] })[]): CoveredLecture[] {
  const lectures = new Map<string, CoveredLecture>();
  for (const note of notes) {
    for (const lecture of note.lectures) {
      const url = withoutFragment(lecture.url);
      const entry = lectures.get(url) ?? { url, label: '', lectureNumber: lectureNumber(url), notes: [] };
      if (entry.label === '' && !isNumberOnlyLabel(lecture.label)) entry.label = lecture.label;
      const sections = note.links
        .filter((link) => link.sectionId !== '' && URL.canParse(link.href) && withoutFragment(link.href) === url)
        .map((link) => ({ id: link.sectionId, title: link.sectionTitle }))
        .filter((section, index, all) => all.findIndex((other) => other.id === section.id) === index);
      if (!entry.notes.some((covered) => covered.id === note.id))
        entry.notes.push({ id: note.id, title: note.title, sections });
      lectures.set(url, entry);
    }
  }
  const ordered = [...lectures.values()].sort((a, b) => a.lectureNumber - b.lectureNumber);
  for (const lecture of ordered) {
    if (lecture.label !== '') continue;
    const sectionTitles = lecture.notes.flatMap((note) => note.sections.map((section) => section.title));
    const names = sectionTitles.length > 0 ? sectionTitles : lecture.notes.map((note) => note.title);
    lecture.label = joinNames([...new Set(names)]);
  }
  const byName = Map.groupBy(ordered, (lecture) => lecture.label.toLowerCase());
  for (const group of byName.values()) {
    if (group.length > 1)
      group.forEach((lecture, index) => (lecture.label += ` (part ${index + 1} of ${group.length})`));
  }
  for (const lecture of ordered) {
    for (const note of lecture.notes) {
      note.sections = note.sections.filter(
        (section) => !sameName(section.title, note.title) && !sameName(section.title, lecture.label),
      );
    }
  }
  return ordered;
}

/** The notes that follow no course lecture, in the order given. */
export function notesWithoutLecture<T extends { lectures: readonly LectureRef[] }>(notes: readonly T[]): T[] {
  return notes.filter((note) => note.lectures.length === 0);
}
