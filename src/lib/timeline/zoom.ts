/**
 * Zoom as a value: a d3 ZoomTransform {k, x} applied to the base scale. Pure functions only; the
 * one module that touches the DOM is $lib/actions/zoomable.ts.
 */
import { zoomIdentity, type ZoomTransform } from 'd3-zoom';
import type { TimeScale } from './scale.ts';

const DAY = 86_400_000;
/** The closest zoom shows about a week: enough to tell apart the days of January 2025. */
export const MIN_VISIBLE_MS = 7 * DAY;

/** [min, max] zoom factors: the whole domain down to about a week. */
export function scaleExtentFor(base: TimeScale): [number, number] {
	const [start, end] = base.domain() as [Date, Date];
	return [1, Math.max(1, (end.getTime() - start.getTime()) / MIN_VISIBLE_MS)];
}

/** The dates visible when `transform` is applied to `base`. */
export function visibleRange(base: TimeScale, transform: ZoomTransform): [Date, Date] {
	const [start, end] = transform.rescaleX(base).domain() as [Date, Date];
	return [start, end];
}

/**
 * Keeps a transform inside the data: zoom within the scale extent and no panning past either end.
 * Mirrors d3-zoom's own constrain so programmatic zooms (buttons, links) obey the same limits.
 */
export function clampTransform(base: TimeScale, transform: ZoomTransform): ZoomTransform {
	const [r0, r1] = base.range() as [number, number];
	const [kMin, kMax] = scaleExtentFor(base);
	const k = Math.min(kMax, Math.max(kMin, transform.k));
	// Left edge of the content may not come right of r0, right edge not left of r1.
	const x = Math.min(r0 - r0 * k, Math.max(r1 - r1 * k, transform.x));
	return zoomIdentity.translate(x, 0).scale(k);
}

/**
 * The transform that shows [from, to] across the range. A range shorter than the closest zoom is
 * shown at the closest zoom, centred on it; the result is clamped to the data.
 */
export function transformForRange(base: TimeScale, [from, to]: [Date, Date]): ZoomTransform {
	const [r0, r1] = base.range() as [number, number];
	const x0 = base(from);
	const x1 = base(to);
	if (!(x1 > x0)) return clampTransform(base, zoomIdentity);
	const [kMin, kMax] = scaleExtentFor(base);
	// Limit k first, then centre: computing x from an unlimited k would jump to the domain's end.
	const k = Math.min(kMax, Math.max(kMin, (r1 - r0) / (x1 - x0)));
	const centre = (x0 + x1) / 2;
	return clampTransform(base, zoomIdentity.translate((r0 + r1) / 2 - k * centre, 0).scale(k));
}

/** The transform after zooming by `factor` about the centre of the view (for the buttons and keys). */
export function zoomAboutCentre(base: TimeScale, transform: ZoomTransform, factor: number): ZoomTransform {
	const [r0, r1] = base.range() as [number, number];
	const [kMin, kMax] = scaleExtentFor(base);
	const centre = (r0 + r1) / 2;
	const k = Math.min(kMax, Math.max(kMin, transform.k * factor));
	// The base-scale point under the centre stays under the centre.
	const x = centre - transform.invertX(centre) * k;
	return clampTransform(base, zoomIdentity.translate(x, 0).scale(k));
}
