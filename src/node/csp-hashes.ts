import { createHash } from 'node:crypto';
import { THEME_INIT_SCRIPT } from '../lib/theme/theme-script.ts';

/** The CSP sources that allow exactly the site's inline scripts (the theme script), by hash. */
export function inlineScriptHashes(): `sha256-${string}`[] {
  return [THEME_INIT_SCRIPT].map((script) => `sha256-${createHash('sha256').update(script).digest('base64')}` as const);
}
