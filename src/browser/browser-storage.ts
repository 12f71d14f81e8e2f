/**
 * The one way the site touches localStorage. Storage can be missing or refuse writes
 * (private windows, full quota, blocked cookies); reading then returns undefined and writing does nothing.
 */
export function readStored(key: string): string | undefined {
  try {
    return localStorage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Stores a value, or removes the key when the value is undefined. Returns whether it worked. */
export function writeStored(key: string, value: string | undefined): boolean {
  try {
    if (value === undefined) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}
