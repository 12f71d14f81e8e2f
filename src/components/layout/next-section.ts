import { loadProgress } from '../../browser/study-storage.ts';
import { hasMarkedAnySection, nextSectionToRead, type ReadingSection } from '../../lib/navigation/study-dashboard.ts';
import { noteUrl, siteUrl } from '../../lib/navigation/urls.ts';

/**
 * For a reader who has marked sections as understood: points the home page's reading link at the first
 * section not yet marked, and says "Continue reading". A new reader is left at the first section, which
 * the page already links, without fetching the reading order at all.
 */
async function continueReading(): Promise<void> {
  const title = document.getElementById('continue-reading-title');
  const link = document.querySelector<HTMLAnchorElement>('[data-next-section]');
  const note = document.querySelector<HTMLElement>('[data-next-section-note]');
  const { understood } = loadProgress(Date.now()).progress;
  if (!title || !link || !note || !hasMarkedAnySection(understood)) return;
  const response = await fetch(siteUrl('reading-order.json'));
  if (!response.ok) return; // offline or gone: the link to the first section still works
  const next = nextSectionToRead((await response.json()) as ReadingSection[], understood);
  title.textContent = 'Continue reading';
  if (next) {
    link.href = `${noteUrl(next.note)}#${next.id}`;
    link.textContent = next.title;
    note.textContent = `In ${next.noteTitle}`;
  } else {
    link.href = siteUrl('review/');
    link.textContent = 'Every section is marked as understood';
    note.textContent = 'Keep it fresh with the review questions.';
  }
}

continueReading().catch(() => {}); // a failed fetch leaves the link to the first section as it is
