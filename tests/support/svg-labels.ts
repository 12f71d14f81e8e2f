/**
 * Geometry for checking drawn charts in a browser: text boxes that overlap, and lines that run through text.
 * Boxes and points are in one coordinate space (e.g. the page's, from getBoundingClientRect).
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** A box with something to call it by in a failure message. */
export interface LabelBox extends Box {
  label: string;
}

/**
 * Whether two boxes share area. `tolerance` shrinks both boxes first, so anti-aliasing and boxes that only
 * touch do not count.
 */
export function boxesIntersect(a: Box, b: Box, tolerance = 0.5): boolean {
  return (
    a.x + tolerance < b.x + b.width - tolerance &&
    b.x + tolerance < a.x + a.width - tolerance &&
    a.y + tolerance < b.y + b.height - tolerance &&
    b.y + tolerance < a.y + a.height - tolerance
  );
}

/** Every pair of boxes that overlap, as readable `"A" overlaps "B"` strings (empty when none do). */
export function overlappingLabels(boxes: readonly LabelBox[], tolerance = 0.5): string[] {
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i += 1) {
    for (let j = i + 1; j < boxes.length; j += 1) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (boxesIntersect(a, b, tolerance)) found.push(`"${a.label}" overlaps "${b.label}"`);
    }
  }
  return found;
}

/** Whether the segment from `p` to `q` passes through the inside of `box` (shrunk by `tolerance`). */
export function segmentCrossesBox(p: Point, q: Point, box: Box, tolerance = 0.5): boolean {
  const left = box.x + tolerance;
  const right = box.x + box.width - tolerance;
  const top = box.y + tolerance;
  const bottom = box.y + box.height - tolerance;
  if (left >= right || top >= bottom) return false;
  // Liang–Barsky clipping: the segment meets the box if some part of t ∈ [0, 1] lies inside all four edges.
  let start = 0;
  let end = 1;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const edges: [number, number][] = [
    [-dx, p.x - left],
    [dx, right - p.x],
    [-dy, p.y - top],
    [dy, bottom - p.y],
  ];
  for (const [direction, distance] of edges) {
    if (direction === 0) {
      if (distance < 0) return false;
      continue;
    }
    const t = distance / direction;
    if (direction < 0) start = Math.max(start, t);
    else end = Math.min(end, t);
    if (start > end) return false;
  }
  return true;
}

/** Whether a polyline (consecutive points) passes through the inside of `box`. */
export function polylineCrossesBox(points: readonly Point[], box: Box, tolerance = 0.5): boolean {
  return points.slice(1).some((point, index) => segmentCrossesBox(points[index]!, point, box, tolerance));
}
