import { understoodSections, type StudyProgress } from '../../lib/study/progress.ts';
import { loadProgress } from '../../browser/study-storage.ts';

/**
 * Fills the "n/m" badges beside note links (ProgressBadge.astro): n sections of the note marked
 * as understood, of its m. A note with none marked keeps its badge empty, and so invisible.
 */
export function fillProgressBadges(progress: StudyProgress): void {
  for (const badge of document.querySelectorAll<HTMLElement>('[data-progress-note]')) {
    const total = Number(badge.dataset.sections);
    const done = Math.min(understoodSections(progress, badge.dataset.progressNote!).length, total);
    badge.classList.toggle('is-complete', done === total);
    if (!(done > 0)) {
      badge.replaceChildren();
      continue;
    }
    const shown = document.createElement('span');
    shown.ariaHidden = 'true';
    shown.textContent = `${done}/${total}`;
    const spoken = document.createElement('span');
    spoken.className = 'visually-hidden';
    spoken.textContent = ` (${done} of ${total} sections understood)`;
    badge.replaceChildren(shown, spoken);
  }
}

fillProgressBadges(loadProgress(Date.now()).progress);
