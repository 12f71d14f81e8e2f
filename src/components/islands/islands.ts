import { loadWhenVisible } from './load-when-visible';

/**
 * Where each island's code comes from. This module itself loads once the page is idle; each island
 * then loads only when its element comes near the viewport, so islands absent from a page, or never
 * reached, cost nothing. (The guardrails simulator and the shadow demo register themselves.)
 */
loadWhenVisible('asl-player', () => import('./asl-player'));
loadWhenVisible('note-quiz', () => import('../study/note-quiz'));
loadWhenVisible('[data-note-progress], .note-body .heading-wrapper', () => import('../study/section-progress'));
loadWhenVisible('[data-progress-note]', () => import('../study/progress-badges'));
loadWhenVisible('review-session', () => import('../study/review-session'));
