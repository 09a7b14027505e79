/**
 * Zoom as a value: a d3 ZoomTransform {k, x} applied to the base scale. Pure arithmetic only. The
 * limits of the view (no closer than a week, never past the data) are d3-zoom's scale extent and
 * constrain, applied in the one module that wires d3-zoom ($lib/actions/zoomable.ts), so every
 * input obeys the same rule; the transforms made here keep k inside the extent but leave x to it.
 */
import { zoomIdentity, type ZoomTransform } from 'd3-zoom';
import { viewScale, type TimeScale } from './scale.ts';
import { slotCount } from './spacing.ts';

const DAY = 86_400_000;
/** The closest zoom shows about a week: enough to tell apart the days of January 2025. */
export const MIN_VISIBLE_MS = 7 * DAY;

/** With even spacing, the closest zoom shows about this many events' slots across the plot. */
export const MIN_VISIBLE_SLOTS = 3;

/**
 * [min, max] zoom factors: the whole domain down to about a week on a time scale, and down to
 * about three events' slots with even spacing (spacing.ts), where a week may hold none or twenty.
 */
export function scaleExtentFor(base: TimeScale): [number, number] {
	const slots = slotCount(base);
	if (slots > 0) return [1, Math.max(1, slots / MIN_VISIBLE_SLOTS)];
	const [start, end] = base.domain() as [Date, Date];
	return [1, Math.max(1, (end.getTime() - start.getTime()) / MIN_VISIBLE_MS)];
}

/** The dates visible when `transform` is applied to `base`. */
export function visibleRange(base: TimeScale, transform: ZoomTransform): [Date, Date] {
	const [r0, r1] = ends(base.range());
	const view = viewScale(base, transform);
	return [view.invert(r0), view.invert(r1)];
}

/** The first and last of a scale's stops (two on a time scale, one per event time when evenly spaced). */
export const ends = <T>(stops: readonly T[]): [T, T] => [stops[0]!, stops[stops.length - 1]!];

const clamp = (k: number, [kMin, kMax]: [number, number]) => Math.min(kMax, Math.max(kMin, k));

/**
 * The transform that centres [from, to] across the range, as close as the scale extent allows: a
 * range shorter than the closest zoom is shown at the closest zoom, centred on it. Not yet kept
 * inside the data (the zoom wiring's constrain does that).
 */
export function rangeTransform(base: TimeScale, [from, to]: [Date, Date]): ZoomTransform {
	const [r0, r1] = ends(base.range());
	const x0 = base(from);
	const x1 = base(to);
	if (!(x1 > x0)) return zoomIdentity;
	// Limit k first, then centre: computing x from an unlimited k would jump to the domain's end.
	const k = clamp((r1 - r0) / (x1 - x0), scaleExtentFor(base));
	return zoomIdentity.translate((r0 + r1) / 2 - k * ((x0 + x1) / 2), 0).scale(k);
}

/**
 * `transform` zoomed by `factor` about the pixel `point`, as d3-zoom's scaleBy does: the date under
 * the point stays under it, and k stays inside `scaleExtent`. Not yet kept inside the data.
 */
export function zoomAbout(transform: ZoomTransform, factor: number, point: number, scaleExtent: [number, number]): ZoomTransform {
	const k = clamp(transform.k * factor, scaleExtent);
	return zoomIdentity.translate(point - transform.invertX(point) * k, 0).scale(k);
}
