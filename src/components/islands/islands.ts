import { loadWhenVisible } from './load-when-visible.ts';

/**
 * Where each island's code comes from. This module itself loads once the page is idle; each island
 * then loads only when its element comes near the viewport, so islands absent from a page, or never
 * reached, cost nothing. (The guardrails simulator and the shadow demo register themselves.)
 */
loadWhenVisible('asl-player', () => import('./asl-player.ts'));
loadWhenVisible('note-quiz', () => import('../study/note-quiz.ts'));
loadWhenVisible('[data-note-progress], .note-body .heading-wrapper', () => import('../study/section-progress.ts'));
loadWhenVisible('[data-progress-note]', () => import('../study/progress-badges.ts'));
loadWhenVisible('review-session', () => import('../study/review-page.ts'));
loadWhenVisible('[data-study-due-count]', () => import('../study/due-count.ts'));
loadWhenVisible('practice-exam', () => import('../study/practice-exam.ts'));
