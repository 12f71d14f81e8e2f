import { formatDuration } from './format.ts';
import type { DeploymentSimulation, DeploymentSnapshot } from './simulation.ts';

/** Escapes text for SVG/HTML. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

export interface ChartGeometry {
  width: number;
  height: number;
}

const MARGIN = { top: 22, right: 30, bottom: 34, left: 48 };
const PANEL_GAP = 30;

/** Readable tick spacing for a time axis in seconds: whole minutes or hours. */
export function timeTicks(endSeconds: number, maxTicks = 6): number[] {
  const steps = [60, 120, 300, 600, 900, 1200, 1800, 3600, 7200, 10800, 14400];
  const step = steps.find((candidate) => endSeconds / candidate <= maxTicks) ?? steps.at(-1)!;
  const ticks: number[] = [];
  for (let t = 0; t <= endSeconds + 1e-9; t += step) ticks.push(t);
  return ticks;
}

/**
 * A step-function path through snapshots: each value holds until the next snapshot, as the
 * fleet does between phases, then changes at once.
 */
export function stepPath(
  snapshots: readonly DeploymentSnapshot[],
  value: (snapshot: DeploymentSnapshot) => number,
  x: (t: number) => number,
  y: (v: number) => number,
  endSeconds: number,
): string {
  if (snapshots.length === 0) return '';
  let path = `M${x(snapshots[0]!.t).toFixed(1)},${y(value(snapshots[0]!)).toFixed(1)}`;
  for (let index = 1; index < snapshots.length; index++) {
    const current = snapshots[index]!;
    path += ` H${x(current.t).toFixed(1)} V${y(value(current)).toFixed(1)}`;
  }
  path += ` H${x(Math.max(endSeconds, snapshots.at(-1)!.t)).toFixed(1)}`;
  return path;
}

/**
 * The simulator's chart as an SVG string: the share of traffic on the green fleet (top) and the
 * instances each fleet runs (bottom) over time, with the alarm moment marked. Blue is dashed and
 * green solid, so the fleets differ without colour; the colours come from CSS variables.
 */
export function renderDeploymentChart(
  simulation: DeploymentSimulation,
  instanceCount: number,
  options: ChartGeometry & { title: string; alarmAtSeconds?: number | undefined },
): string {
  const { width, height } = options;
  const end = Math.max(simulation.endSeconds, 60);
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const panelHeight = (height - MARGIN.top - MARGIN.bottom - PANEL_GAP) / 2;
  const x = (t: number) => MARGIN.left + (t / end) * plotWidth;
  const trafficTop = MARGIN.top;
  const instancesTop = MARGIN.top + panelHeight + PANEL_GAP;
  const yTraffic = (percent: number) => trafficTop + panelHeight - (percent / 100) * panelHeight;
  const maxInstances = Math.max(
    instanceCount,
    ...simulation.snapshots.map((snapshot) => Math.max(snapshot.blueInstances, snapshot.greenInstances)),
  );
  const yInstances = (count: number) => instancesTop + panelHeight - (count / maxInstances) * panelHeight;
  const snapshots = simulation.snapshots;

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="sim-chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(options.title)}">`,
  );
  // Gridlines and axes.
  for (const tick of timeTicks(end)) {
    const tx = x(tick).toFixed(1);
    parts.push(`<line class="sim-grid" x1="${tx}" x2="${tx}" y1="${trafficTop}" y2="${instancesTop + panelHeight}"/>`);
    parts.push(
      `<text class="sim-tick" x="${tx}" y="${height - 14}" text-anchor="middle">${escapeXml(formatDuration(tick))}</text>`,
    );
  }
  for (const percent of [0, 50, 100]) {
    parts.push(
      `<text class="sim-tick" x="${MARGIN.left - 6}" y="${yTraffic(percent) + 4}" text-anchor="end">${percent}%</text>`,
    );
    parts.push(
      `<line class="sim-grid" x1="${MARGIN.left}" x2="${width - MARGIN.right}" y1="${yTraffic(percent)}" y2="${yTraffic(percent)}"/>`,
    );
  }
  for (const count of [0, maxInstances]) {
    parts.push(
      `<text class="sim-tick" x="${MARGIN.left - 6}" y="${yInstances(count) + 4}" text-anchor="end">${count}</text>`,
    );
    parts.push(
      `<line class="sim-grid" x1="${MARGIN.left}" x2="${width - MARGIN.right}" y1="${yInstances(count)}" y2="${yInstances(count)}"/>`,
    );
  }
  parts.push(
    `<text class="sim-panel-title" x="${MARGIN.left}" y="${trafficTop - 8}">Traffic on the green (new) fleet</text>`,
  );
  parts.push(`<text class="sim-panel-title" x="${MARGIN.left}" y="${instancesTop - 8}">Instances running</text>`);

  // Traffic: green share as a filled area, so the blue share is the rest of the band.
  const greenTraffic = stepPath(snapshots, (snapshot) => snapshot.greenTrafficPercent, x, yTraffic, end);
  parts.push(`<path class="sim-area-green" d="${greenTraffic} V${yTraffic(0).toFixed(1)} H${x(0).toFixed(1)} Z"/>`);
  parts.push(`<path class="sim-line-green" d="${greenTraffic}"/>`);
  parts.push(
    `<path class="sim-line-blue" d="${stepPath(snapshots, (snapshot) => 100 - snapshot.greenTrafficPercent, x, yTraffic, end)}"/>`,
  );
  // Instances of each fleet.
  parts.push(
    `<path class="sim-line-blue" d="${stepPath(snapshots, (snapshot) => snapshot.blueInstances, x, yInstances, end)}"/>`,
  );
  parts.push(
    `<path class="sim-line-green" d="${stepPath(snapshots, (snapshot) => snapshot.greenInstances, x, yInstances, end)}"/>`,
  );

  if (options.alarmAtSeconds !== undefined && options.alarmAtSeconds <= end) {
    const ax = x(options.alarmAtSeconds).toFixed(1);
    parts.push(
      `<line class="sim-alarm" x1="${ax}" x2="${ax}" y1="${trafficTop - 4}" y2="${instancesTop + panelHeight}"/>`,
    );
    parts.push(
      `<text class="sim-alarm-label" x="${ax}" y="${trafficTop + panelHeight + 18}" text-anchor="middle">⚠ alarm</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

/** The same timeline as rows for a text table: the accessible alternative to the chart. */
export function chartRows(
  simulation: DeploymentSimulation,
): { time: string; phase: string; greenTraffic: string; blue: string; green: string; event: string }[] {
  return simulation.snapshots.map((snapshot) => ({
    time: formatDuration(snapshot.t),
    phase: snapshot.phase.replace(/-/g, ' '),
    greenTraffic: `${Math.round(snapshot.greenTrafficPercent)}%`,
    blue: `${snapshot.blueInstances} (${snapshot.activeBlueInstances} active)`,
    green: `${snapshot.greenInstances} (${snapshot.activeGreenInstances} active)`,
    event: snapshot.event ?? '',
  }));
}
