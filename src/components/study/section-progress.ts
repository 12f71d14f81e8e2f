import {
  SAVE_FAILED,
  markUnderstood,
  statusMessage,
  understoodSections,
  type StudyProgress,
} from '../../lib/study/progress.ts';
import { loadProgress, updateProgress } from '../../browser/study-storage.ts';
import { fillProgressBadges } from './progress-badges.ts';

/**
 * On a note page: an "Understood" toggle beside each section heading (`##`), saved in the study
 * store, and the count of sections understood in the note's header (NoteProgress.astro).
 */
const output = document.querySelector<HTMLElement>('[data-note-progress]');
const note = output?.dataset.noteProgress;

interface Section {
  id: string;
  /** Old ids the section register keeps as aliases of this heading. */
  aliases: string[];
  button: HTMLButtonElement;
}

/** Names every toggle "Understood: <heading>", the way the heading's permalink names itself. */
function labelPrefix(): string {
  const label = document.createElement('span');
  label.id = 'understood-label';
  label.hidden = true;
  label.textContent = 'Understood:';
  document.body.append(label);
  return label.id;
}

function toggleFor(heading: HTMLElement, prefix: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'understood-toggle';
  button.title = 'Mark this section as understood';
  button.setAttribute('aria-labelledby', `${prefix} ${heading.id}`);
  const box = document.createElement('span');
  box.className = 'understood-box';
  box.ariaHidden = 'true';
  button.append(box, 'Understood');
  return button;
}

function show(sections: Section[], progress: StudyProgress, problem?: string): void {
  const understood = new Set(understoodSections(progress, note!));
  for (const { id, button } of sections) button.ariaPressed = String(understood.has(id));
  const done = sections.filter(({ id }) => understood.has(id)).length;
  output!.textContent = `${done} of ${sections.length} sections understood`;
  if (problem) {
    const notice = document.createElement('span');
    notice.className = 'study-notice';
    notice.textContent = problem;
    output!.append(' ', notice);
  }
  fillProgressBadges(progress);
}

if (output && note) {
  const sections: Section[] = [];
  const prefix = labelPrefix();
  for (const wrapper of document.querySelectorAll<HTMLElement>('.note-body .heading-wrapper')) {
    const heading = wrapper.querySelector<HTMLElement>(':scope > h2[id]');
    if (!heading) continue;
    const button = toggleFor(heading, prefix);
    wrapper.append(button);
    const aliases = [...wrapper.querySelectorAll('.section-alias')].map((alias) => alias.id);
    sections.push({ id: heading.id, aliases, button });
  }
  output.ariaLive = 'polite';

  const loaded = loadProgress(Date.now());
  let progress = loaded.progress;
  // Marks on a renamed section move to its new id (through the register's aliases); marks on removed ones go.
  const current = new Set(sections.map(({ id }) => id));
  const stale = understoodSections(progress, note).filter((id) => !current.has(id));
  if (stale.length > 0) {
    progress = updateProgress((stored) => {
      let next = stored;
      for (const id of stale) {
        next = markUnderstood(next, note, id, false, Date.now());
        const moved = sections.find(({ aliases }) => aliases.includes(id));
        if (moved) next = markUnderstood(next, note, moved.id, true, Date.now());
      }
      return next;
    }, Date.now()).progress;
  }
  show(sections, progress, statusMessage(loaded.status));

  for (const { id, button } of sections) {
    button.addEventListener('click', () => {
      const understood = button.ariaPressed !== 'true';
      const { progress: updated, saved } = updateProgress(
        (stored) => markUnderstood(stored, note, id, understood, Date.now()),
        Date.now(),
      );
      show(sections, updated, saved ? undefined : SAVE_FAILED);
    });
  }
}
