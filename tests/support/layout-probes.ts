/**
 * Measurements of what a reader sees, run inside the page (each function is passed to
 * `page.evaluate`, so it must not use anything from outside its own body).
 */

export interface LayoutFindings {
  /** How far the page scrolls sideways, in px (0 when it fits the window). */
  sidewaysScroll: number;
  /** Boxes that scroll sideways without being a declared scroll box, or without showing that they scroll. */
  scrollBoxes: string[];
  /** Headings laid out on more lines than their text needs in the column they sit in. */
  squeezedHeadings: string[];
  /** Pairs of text boxes in the page chrome that overlap. */
  overlappingText: string[];
}

/**
 * Inspects the laid-out page. `declaredScrollBoxes` is the selector of the boxes allowed to scroll
 * sideways (tables, code, diagrams); each of them must be keyboard-focusable and show, at rest,
 * that it scrolls (a visible shadow on the edge that has more to see).
 */
export function inspectLayout(declaredScrollBoxes: string): LayoutFindings {
  const describe = (element: Element): string => {
    const id = element.id ? `#${element.id}` : '';
    const classes = [...element.classList].map((name) => `.${name}`).join('');
    const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `${element.tagName.toLowerCase()}${id}${classes} "${text}"`;
  };
  const visible = (element: Element) =>
    element.checkVisibility({ opacityProperty: false, visibilityProperty: true }) &&
    element.getBoundingClientRect().width > 0;

  /** Line boxes of an element's text: rectangles grouped by their vertical position. */
  const lineCount = (element: Element): number => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const rects = [...range.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0);
    const lineHeight = parseFloat(getComputedStyle(element).fontSize) * 0.6;
    const centres: number[] = [];
    for (const rect of rects) {
      const centre = rect.top + rect.height / 2;
      if (!centres.some((other) => Math.abs(other - centre) < lineHeight)) centres.push(centre);
    }
    return centres.length;
  };

  /** The column a heading belongs to: its nearest ancestor that lays out blocks (not a grid or flex row). */
  const columnOf = (element: Element): HTMLElement => {
    let column = element.parentElement!;
    while (/grid|flex|inline|contents/.test(getComputedStyle(column).display) && column.parentElement) {
      column = column.parentElement;
    }
    return column;
  };

  /** Whether any of a box's shadows is drawn in a colour that can be seen (alpha above 5%). */
  const edgeShadowShown = (boxShadow: string): boolean =>
    [...boxShadow.matchAll(/(rgba?|color)\(([^)]*)\)/g)].some(([, kind, args]) => {
      const parts = args!.split(/[\s,/]+/).filter(Boolean);
      const alpha = kind === 'rgb' ? 1 : kind === 'rgba' ? Number(parts[3]) : Number(parts[4] ?? 1);
      return alpha > 0.05;
    });

  const root = document.documentElement;
  const sidewaysScroll = Math.max(0, root.scrollWidth - root.clientWidth);

  const scrollBoxes: string[] = [];
  for (const element of document.querySelectorAll<HTMLElement>('body *')) {
    if (!visible(element) || element.scrollWidth <= element.clientWidth + 1) continue;
    const style = getComputedStyle(element);
    if (!/auto|scroll/.test(style.overflowX)) continue;
    if (!element.matches(declaredScrollBoxes)) {
      scrollBoxes.push(`${describe(element)} scrolls sideways but is not a declared scroll box`);
      continue;
    }
    if (element.tabIndex < 0) scrollBoxes.push(`${describe(element)} scrolls but the keyboard cannot reach it`);
    if (!edgeShadowShown(style.boxShadow)) {
      scrollBoxes.push(`${describe(element)} scrolls without showing that it does (no shadow on its edge)`);
    }
  }

  const squeezedHeadings: string[] = [];
  for (const heading of document.querySelectorAll<HTMLElement>('main :is(h1, h2, h3, h4)')) {
    if (!visible(heading)) continue;
    const column = columnOf(heading);
    const columnStyle = getComputedStyle(column);
    const width = column.clientWidth - parseFloat(columnStyle.paddingLeft) - parseFloat(columnStyle.paddingRight);
    // The same heading, alone in a box as wide as its column: the lines its text needs.
    const probe = heading.cloneNode(true) as HTMLElement;
    probe.removeAttribute('id');
    probe.style.position = 'absolute';
    probe.style.visibility = 'hidden';
    probe.style.margin = '0';
    probe.style.width = `${width}px`;
    heading.after(probe);
    const needed = lineCount(probe);
    probe.remove();
    const actual = lineCount(heading);
    if (actual > needed) {
      squeezedHeadings.push(
        `${describe(heading)} takes ${actual} lines where ${needed} would do (column ${Math.round(width)} px, heading ${Math.round(heading.getBoundingClientRect().width)} px)`,
      );
    }
  }

  const overlappingText: string[] = [];
  const chrome = [
    ...document.querySelectorAll(
      '.site-header, .sidebar, .toc, .breadcrumbs, .note-meta, .site-footer, .prev-next, .heading-wrapper',
    ),
  ];
  /** Text only screen readers get: inside a box of at most 1 px. */
  const clippedAway = (element: Element, region: Element): boolean => {
    for (let at: Element | null = element; at && at !== region.parentElement; at = at.parentElement) {
      const rect = at.getBoundingClientRect();
      if (rect.width <= 1 || rect.height <= 1) return true;
    }
    return false;
  };
  /** The part of a text box left visible by the scroll and clip boxes around it, or undefined if none. */
  const clipped = (rect: DOMRect, owner: Element): DOMRect | undefined => {
    let { left, top, right, bottom } = rect;
    for (let at = owner.parentElement; at && at !== document.body; at = at.parentElement) {
      const style = getComputedStyle(at);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const box = at.getBoundingClientRect();
      left = Math.max(left, box.left);
      top = Math.max(top, box.top);
      right = Math.min(right, box.right);
      bottom = Math.min(bottom, box.bottom);
    }
    return right - left > 0 && bottom - top > 0 ? new DOMRect(left, top, right - left, bottom - top) : undefined;
  };
  const boxes: { owner: Element; rect: DOMRect }[] = [];
  // Behind an open modal dialog the page is inert and covered: only the dialog's own text counts.
  const modal = document.querySelector('dialog:modal');
  for (const region of modal ? [modal] : chrome) {
    const walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const owner = node.parentElement!;
      if (!node.textContent?.trim() || !visible(owner)) continue;
      if (parseFloat(getComputedStyle(owner).opacity) === 0 || clippedAway(owner, region)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        const shown = clipped(rect, owner);
        if (shown) boxes.push({ owner, rect: shown });
      }
    }
  }
  // The header's controls as whole boxes too: a search field running under the menu button hides it.
  if (!modal) {
    for (const control of document.querySelectorAll('.site-header :is(a, button, summary, select)')) {
      const rect = control.getBoundingClientRect();
      if (visible(control) && rect.width > 1 && !control.parentElement!.closest('a, button, summary')) {
        boxes.push({ owner: control, rect });
      }
    }
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.owner === b.owner || a.owner.contains(b.owner) || b.owner.contains(a.owner)) continue;
      const x = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
      const y = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
      if (x > 1 && y > 1) overlappingText.push(`${describe(a.owner)} overlaps ${describe(b.owner)}`);
    }
  }

  return { sidewaysScroll, scrollBoxes, squeezedHeadings, overlappingText };
}

/** The chrome whose look must not vary from page to page, by what it is. */
export const CHROME = {
  'body text': 'body',
  header: '.site-header',
  'site name': '.site-name',
  'header links': '.site-nav a:not([aria-current])',
  'search button': '.search-button',
  'sidebar topic': '.sidebar-topic',
  'sidebar link': '.sidebar li li a:not([aria-current])',
  'page title': 'main h1',
  'lead paragraph': 'main .lead',
  'section heading': '.note-body .heading-wrapper > h2',
  paragraph: '.note-body > p',
  'table of contents link': '.toc li:not(.toc-depth-3) > a:not([aria-current])',
  footer: '.site-footer',
} as const;

const CHROME_PROPERTIES = [
  'font-family',
  'font-size',
  'font-weight',
  'line-height',
  'letter-spacing',
  'color',
  'background-color',
  'text-decoration-line',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'margin-top',
  'margin-bottom',
  'border-top-width',
  'border-bottom-width',
] as const;

/** The computed style of the first visible element of each kind of chrome (absent kinds are left out). */
export function chromeStyles(input: {
  chrome: Record<string, string>;
  properties: readonly string[];
}): Record<string, string> {
  const styles: Record<string, string> = {};
  for (const [name, selector] of Object.entries(input.chrome)) {
    const element = [...document.querySelectorAll(selector)].find(
      (candidate) => candidate.getBoundingClientRect().width > 0,
    );
    if (!element) continue;
    const style = getComputedStyle(element);
    styles[name] = input.properties.map((property) => `${property}: ${style.getPropertyValue(property)}`).join('; ');
  }
  return styles;
}

export const CHROME_STYLE_INPUT = { chrome: CHROME, properties: CHROME_PROPERTIES };
