import { readFileSync } from 'node:fs';
import os from 'node:os';

/** Linux reports /proc/stat in USER_HZ ticks, 100 a second on every common build. */
const TICKS_PER_SECOND = 100;

/** CPU seconds the whole machine has spent busy since boot (all cores), or NaN where /proc/stat is missing. */
export function machineBusySeconds(): number {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
    return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/** Share of the machine's cores (0–1) busy over the next `ms` milliseconds. */
export async function busyShare(ms: number): Promise<number> {
  const before = machineBusySeconds();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return (machineBusySeconds() - before) / ((ms / 1000) * os.availableParallelism());
}

/**
 * Waits, up to `maxSeconds`, until other work uses less than `threshold` of the machine, measured over
 * 5-second windows while this process is idle. Returns the last share measured.
 */
export async function waitForQuiet(
  maxSeconds: number,
  threshold: number,
  onWait: (share: number) => void,
): Promise<number> {
  const deadline = Date.now() + maxSeconds * 1000;
  let share = await busyShare(2000);
  let told = false;
  while (share >= threshold && Date.now() < deadline) {
    if (!told) onWait(share);
    told = true;
    share = await busyShare(5000);
  }
  return share;
}
