import { loadProgress } from '../../browser/study-storage.ts';
import { hasMarkedAnySection, nextSectionToRead, type ReadingSection } from '../../lib/navigation/study-dashboard.ts';
import { noteUrl, siteUrl } from '../../lib/navigation/urls.ts';

/**
 * Points the home page's reading link at the first section not yet marked as understood, and once the
 * reader has marked any, says "Continue reading" instead of "Start reading".
 */
const title = document.getElementById('continue-reading-title');
const link = document.querySelector<HTMLAnchorElement>('[data-next-section]');
const note = document.querySelector<HTMLElement>('[data-next-section-note]');
const data = document.getElementById('reading-order')?.textContent;
if (title && link && note && data) {
  const { understood } = loadProgress(Date.now()).progress;
  const next = nextSectionToRead(JSON.parse(data) as ReadingSection[], understood);
  if (hasMarkedAnySection(understood)) title.textContent = 'Continue reading';
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
