import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './browser.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LighthouseResult {
  url: string;
  /** 0–100, or null when Lighthouse could not score the category. */
  scores: Record<Category, number | null>;
  lcpMs: number;
  cls: number;
  tbtMs: number;
  /** Audits that cost points: weighted audits of each category that did not pass. */
  failing: {
    category: Category;
    id: string;
    title: string;
    score: number | null;
    displayValue?: string;
    elements: string[];
  }[];
  lighthouseVersion: string;
}

/**
 * Runs Lighthouse with its default settings (mobile form factor, simulated slow 4G and 4× CPU
 * slowdown) against each URL, in Debian's Chromium started by chrome-launcher.
 */
export async function runLighthouse(urls: string[]): Promise<LighthouseResult[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: CHROMIUM_FLAGS,
    logLevel: 'silent',
  });
  const results: LighthouseResult[] = [];
  try {
    for (const url of urls) {
      const runner = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      if (!runner) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { lhr } = runner;
      if (lhr.runtimeError)
        throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const scores = Object.fromEntries(
        CATEGORIES.map((id) => [
          id,
          lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id]!.score! * 100),
        ]),
      ) as Record<Category, number | null>;
      const failing: LighthouseResult['failing'] = [];
      for (const category of CATEGORIES) {
        for (const ref of lhr.categories[category]?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
          failing.push({
            category,
            id: audit.id,
            title: audit.title,
            score: audit.score,
            displayValue: audit.displayValue,
            elements: offendingElements(audit.details),
          });
        }
      }
      results.push({
        url,
        scores,
        lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
        cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
        tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
        failing,
        lighthouseVersion: lhr.lighthouseVersion,
      });
    }
  } finally {
    chrome.kill();
  }
  return results;
}

/** Up to three selectors of the elements an audit flags, when its details list DOM nodes. */
function offendingElements(details: unknown): string[] {
  const items = (details as { items?: { node?: { selector?: string; snippet?: string } }[] } | undefined)?.items ?? [];
  return items
    .map((item) => item.node?.selector ?? item.node?.snippet)
    .filter((selector): selector is string => Boolean(selector))
    .slice(0, 3);
}
