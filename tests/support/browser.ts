import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
  (candidate): candidate is string => Boolean(candidate),
);

/** Debian's Chromium, if this machine has it. */
export const chromiumPath = CANDIDATES.find((candidate) => existsSync(candidate));

/**
 * Whether browser tests run here. Without Chromium they are skipped, loudly; under CI a
 * missing browser is a failure, because a green run must mean the browser tests ran.
 */
export function browserAvailable(): boolean {
  if (chromiumPath) return true;
  const message = `No Chromium found (looked for ${CANDIDATES.join(', ')}): BROWSER TESTS ARE SKIPPED. Install it with: apt-get install -y chromium`;
  if (process.env.CI === 'true') throw new Error(`${message}\nCI=true, so a missing browser fails the run.`);
  console.warn(`\n!!! ${message}\n`);
  return false;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath!,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
