import { loadProgress } from '../../browser/study-storage.ts';
import { dueCount, dueCountLabel } from '../../lib/navigation/study-dashboard.ts';

/**
 * Fills the due-count slots ([data-due-count]) with the review questions due now in this browser's
 * study progress: a badge on the Review link ("badge"), a sentence on the home page ("sentence").
 */
const due = dueCount(loadProgress(Date.now()).progress.cards, Date.now());
for (const slot of document.querySelectorAll<HTMLElement>('[data-due-count]')) {
  if (slot.dataset.dueCount === 'sentence') {
    slot.textContent = dueCountLabel(due);
  } else if (due > 0) {
    const shown = Object.assign(document.createElement('span'), { textContent: String(due) });
    shown.ariaHidden = 'true';
    const spoken = Object.assign(document.createElement('span'), {
      className: 'visually-hidden',
      textContent: ` (${dueCountLabel(due)})`,
    });
    slot.replaceChildren(shown, spoken);
  }
}
