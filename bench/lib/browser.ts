import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';
import { brotliCompressSync, constants } from 'node:zlib';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with nothing running in the background that could add requests. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}; install it with apt-get install -y chromium, or set CHROMIUM_PATH.`,
    );
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
}

export interface FetchedFile {
  path: string;
  /** Bytes as served (the local server does not compress; Pagefind's index files are gzipped already). */
  raw: number;
  /** Brotli size for text files (JS, CSS, JSON, HTML), raw size for the rest. */
  brotli: number;
}

export interface FetchTotals {
  requests: number;
  raw: number;
  brotli: number;
}

export interface SearchProbe {
  query: string;
  /** Everything the page fetched on load, before any interaction, as the browser saw it. */
  onLoad: FetchTotals;
  /** Every /pagefind/ response from page load through the first query's results. */
  pagefind: FetchTotals;
  /** Every response caused by the search (after the interaction began), Pagefind or not. */
  search: FetchTotals;
  files: { onLoad: FetchedFile[]; search: FetchedFile[] };
  /** Whether result fragments arrived, i.e. the search really ran and showed results. */
  fragments: number;
}

/** Responses a server would compress: text by content type (pages are `/x/`, without an extension) or by name. */
const TEXT_TYPES = /^(?:text\/|application\/(?:javascript|json|xml|manifest\+json)|image\/svg\+xml)/;
const TEXT_PATHS = /\.(?:m?js|css|json|html|svg|txt|xml)$/;

/**
 * Opens `url`, waits for the page to settle, then runs the site's own search UI for `query` the way a
 * reader would (open the search if it is behind a button or shortcut, type into the search field), and
 * records every response with its size until the network has been quiet for a while.
 */
export async function probeSearch(browser: Browser, url: string, query: string): Promise<SearchProbe> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const onLoad: FetchedFile[] = [];
  const search: FetchedFile[] = [];
  const pagefind: FetchedFile[] = [];
  let phase: 'load' | 'search' = 'load';
  let lastActivity = Date.now();
  let pending = 0;
  const sizing: Promise<void>[] = [];

  page.on('request', () => {
    pending++;
    lastActivity = Date.now();
  });
  const settle = () => {
    pending = Math.max(0, pending - 1);
    lastActivity = Date.now();
  };
  page.on('requestfailed', settle);
  page.on('requestfinished', settle);
  page.on('response', (response) => {
    const bucket = phase === 'load' ? onLoad : search;
    sizing.push(
      sizeOf(response).then((file) => {
        if (!file) return;
        bucket.push(file);
        if (file.path.includes('/pagefind/')) pagefind.push(file);
      }),
    );
  });

  await page.goto(url, { waitUntil: 'load' });
  await quiet(
    page,
    () => pending,
    () => lastActivity,
    1500,
  );
  await Promise.all(sizing.splice(0));
  phase = 'search';

  const input = await openSearch(page);
  await input.fill(query);
  await quiet(
    page,
    () => pending,
    () => lastActivity,
    2000,
  );
  await Promise.all(sizing.splice(0));
  await context.close();

  const fragments = pagefind.filter((file) => file.path.includes('/fragment/')).length;
  return {
    query,
    onLoad: totals(onLoad),
    pagefind: totals(pagefind),
    search: totals(search),
    files: { onLoad, search },
    fragments,
  };
}

/** Finds the search field, opening the search dialog first when the field is hidden behind it. */
async function openSearch(page: Page) {
  // A search field is a visible type=search input, or any text input in an open dialog (Pagefind UI's is type=text).
  const field = page
    .locator('input[type="search"]:visible, dialog[open] input:not([type="hidden"]):not([type="checkbox"]):visible')
    .first();
  if (await field.count()) return field;
  const triggers = [
    'button[data-open-modal]',
    'a.search-button',
    'button.search-button',
    'button[aria-label*="Search" i]',
    'a[href$="/search/"]',
  ];
  for (const selector of triggers) {
    const trigger = page.locator(`${selector}:visible`).first();
    if (!(await trigger.count())) continue;
    await trigger.click();
    try {
      await field.waitFor({ state: 'visible', timeout: 5000 });
      return field;
    } catch {
      // try the next kind of trigger
    }
  }
  await page.keyboard.press('Control+k');
  await field.waitFor({ state: 'visible', timeout: 5000 });
  return field;
}

/** Resolves once no request has been in flight for `ms` milliseconds (or after 30 s). */
async function quiet(page: Page, inFlight: () => number, last: () => number, ms: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    await page.waitForTimeout(100);
    if (inFlight() === 0 && Date.now() - last() >= ms) return;
  }
}

async function sizeOf(response: Response): Promise<FetchedFile | undefined> {
  const url = new URL(response.url());
  if (url.protocol === 'data:' || response.status() === 204) return undefined;
  let body: Buffer;
  try {
    body = await response.body();
  } catch {
    return undefined; // redirects and aborted requests have no body
  }
  const type = response.headers()['content-type'] ?? '';
  const brotli =
    TEXT_TYPES.test(type) || TEXT_PATHS.test(url.pathname)
      ? Math.min(
          body.length,
          brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } })
            .length,
        )
      : body.length;
  return { path: url.pathname, raw: body.length, brotli };
}

function totals(files: FetchedFile[]): FetchTotals {
  return {
    requests: files.length,
    raw: files.reduce((sum, file) => sum + file.raw, 0),
    brotli: files.reduce((sum, file) => sum + file.brotli, 0),
  };
}
