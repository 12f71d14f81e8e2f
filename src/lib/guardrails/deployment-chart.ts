import { escapeXml } from '../escape-xml.ts';
import { formatDuration } from './format.ts';
import type { DeploymentSimulation, DeploymentSnapshot } from './simulation.ts';

export interface ChartGeometry {
  width: number;
  height: number;
}

/** The chart's size at build time, and its height whatever width the page gives it. */
export const CHART_GEOMETRY: ChartGeometry = { width: 640, height: 320 };

// The top margin holds two lanes of text: the alarm label, then the traffic panel's title, so the
// alarm label can sit anywhere along the time axis without covering a title.
const MARGIN = { top: 40, right: 30, bottom: 34, left: 48 };
const PANEL_GAP = 30;
const ALARM_LANE_BASELINE = 13;
/** Room a tick label needs, so narrow charts get fewer ticks rather than labels on top of each other. */
const TICK_SPACING = 70;
/**
 * A generous width for 12 px text, per character: SVG text can't be measured without a browser, so
 * labels near an edge are placed with this estimate and turned inwards.
 */
const CHARACTER_WIDTH = 7.5;

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
  options: ChartGeometry & {
    title: string;
    alarmAtSeconds?: number | undefined;
    /** Where the time axis ends, e.g. the whole plan when an alarm stops it early; at least the simulation's end. */
    axisEndSeconds?: number | undefined;
  },
): string {
  const { width, height } = options;
  const end = Math.max(simulation.endSeconds, options.axisEndSeconds ?? 0, 60);
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
  // A vertical line through both panels, broken between them where the second panel's title is.
  const acrossPanels = (at: number) =>
    `M${at.toFixed(1)},${trafficTop} V${trafficTop + panelHeight} M${at.toFixed(1)},${instancesTop} V${instancesTop + panelHeight}`;

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="sim-chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(options.title)}">`,
  );
  // Gridlines and axes.
  const maxTicks = Math.max(2, Math.min(6, Math.floor(plotWidth / TICK_SPACING)));
  for (const tick of timeTicks(end, maxTicks)) {
    const tx = x(tick);
    const label = formatDuration(tick);
    // A label centred on the last tick may stick out of the chart: it ends at its tick instead.
    const sticksOut = tx + (label.length * CHARACTER_WIDTH) / 2 > width;
    parts.push(`<path class="sim-grid" d="${acrossPanels(tx)}"/>`);
    parts.push(
      `<text class="sim-tick" x="${tx.toFixed(1)}" y="${height - 14}" text-anchor="${sticksOut ? 'end' : 'middle'}">${escapeXml(label)}</text>`,
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

  // Green is drawn first and blue, dashed and thinner, on top of it: where both fleets have the same
  // value, the blue dashes show over the green line instead of disappearing under it.
  const greenTraffic = stepPath(snapshots, (snapshot) => snapshot.greenTrafficPercent, x, yTraffic, end);
  parts.push(`<path class="sim-area-green" d="${greenTraffic} V${yTraffic(0).toFixed(1)} H${x(0).toFixed(1)} Z"/>`);
  parts.push(`<path class="sim-line-green" d="${greenTraffic}"/>`);
  parts.push(
    `<path class="sim-line-green" d="${stepPath(snapshots, (snapshot) => snapshot.greenInstances, x, yInstances, end)}"/>`,
  );
  parts.push(
    `<path class="sim-line-blue" d="${stepPath(snapshots, (snapshot) => 100 - snapshot.greenTrafficPercent, x, yTraffic, end)}"/>`,
  );
  parts.push(
    `<path class="sim-line-blue" d="${stepPath(snapshots, (snapshot) => snapshot.blueInstances, x, yInstances, end)}"/>`,
  );

  if (options.alarmAtSeconds !== undefined && options.alarmAtSeconds <= end) {
    const ax = x(options.alarmAtSeconds);
    const label = '⚠ alarm';
    // The label sits beside the line in its own lane, on the side with room for it.
    const fitsRight = ax + 4 + label.length * CHARACTER_WIDTH <= width;
    // A short mark beside the label in its lane, then the line through both panels.
    const mark = `M${ax.toFixed(1)},${ALARM_LANE_BASELINE - 11} V${ALARM_LANE_BASELINE + 4}`;
    parts.push(`<path class="sim-alarm" d="${mark} ${acrossPanels(ax)}"/>`);
    parts.push(
      `<text class="sim-alarm-label" x="${(fitsRight ? ax + 4 : ax - 4).toFixed(1)}" y="${ALARM_LANE_BASELINE}" text-anchor="${fitsRight ? 'start' : 'end'}">${label}</text>`,
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
