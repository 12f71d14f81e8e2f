// What a note page adds for reading, once the page is idle: table-of-contents marking, the copy-link
// buttons, and the occasional helpers (glossary tooltips, search highlights) that load on demand.
import './toc-marker.ts';
import './section-links.ts';
import './on-demand.ts';
