import { countDue } from '../../lib/study/due-cards.ts';
import { loadProgress, PROGRESS_CHANGED } from '../../browser/study-storage.ts';

/**
 * Fills every due-count badge (DueCount.astro) with the number of questions due for review now,
 * and again whenever progress changes, here or in another tab. Reads stored cards only: no scheduler.
 */
function fill(): void {
  const due = countDue(loadProgress(Date.now()).progress.cards, Date.now());
  for (const badge of document.querySelectorAll<HTMLElement>('[data-study-due-count]')) {
    badge.querySelector('.due-count-value')!.textContent = due > 99 ? '99+' : String(due);
    badge.querySelector('.due-count-text')!.textContent = ` (${due} ${due === 1 ? 'question' : 'questions'} due now)`;
    badge.classList.toggle('has-due', due > 0);
  }
}

fill();
window.addEventListener(PROGRESS_CHANGED, fill);
window.addEventListener('storage', (event) => {
  if (event.key === null || event.key.startsWith('study-progress')) fill();
});
