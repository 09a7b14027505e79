/**
 * Zoom as a value: a d3 ZoomTransform {k, x} applied to the base scale. Pure arithmetic only. The
 * limits of the view (no closer than a week, never past the data) are d3-zoom's scale extent and
 * constrain, applied in the one module that wires d3-zoom ($lib/actions/zoomable.ts), so every
 * input obeys the same rule; the transforms made here keep k inside the extent but leave x to it.
 */
import type { ZoomScale, ZoomTransform } from 'd3-zoom';
import { viewScale, type TimeScale } from './scale.ts';
import { slotCount } from './spacing.ts';

/**
 * d3-zoom's transform (its transform.js, ISC licence), made here so the view and its arithmetic can
 * run before d3-zoom has loaded (it loads on demand, with d3-selection and d3-transition): d3-zoom
 * reads only these fields and methods, so it takes this transform over as its own.
 */
class Transform implements ZoomTransform {
	constructor(
		readonly k: number,
		readonly x: number,
		readonly y: number
	) {}
	scale(k: number): Transform {
		return k === 1 ? this : new Transform(this.k * k, this.x, this.y);
	}
	translate(x: number, y: number): Transform {
		return x === 0 && y === 0 ? this : new Transform(this.k, this.x + this.k * x, this.y + this.k * y);
	}
	apply(point: [number, number]): [number, number] {
		return [point[0] * this.k + this.x, point[1] * this.k + this.y];
	}
	applyX(x: number): number {
		return x * this.k + this.x;
	}
	applyY(y: number): number {
		return y * this.k + this.y;
	}
	invert(location: [number, number]): [number, number] {
		return [(location[0] - this.x) / this.k, (location[1] - this.y) / this.k];
	}
	invertX(x: number): number {
		return (x - this.x) / this.k;
	}
	invertY(y: number): number {
		return (y - this.y) / this.k;
	}
	rescaleX<S extends ZoomScale>(scale: S): S {
		return scale.copy().domain(scale.range().map(this.invertX, this).map(scale.invert, scale)) as S;
	}
	rescaleY<S extends ZoomScale>(scale: S): S {
		return scale.copy().domain(scale.range().map(this.invertY, this).map(scale.invert, scale)) as S;
	}
	toString(): string {
		return `translate(${this.x},${this.y}) scale(${this.k})`;
	}
}

/** The identity transform: the whole domain across the plot. */
export const zoomIdentity: ZoomTransform = new Transform(1, 0, 0);

/**
 * `transform` kept inside the data, as d3-zoom's default constrain keeps it for a plot `width` px
 * wide whose extent and translate extent are both [0, width]: the view never shows past either end.
 * The view applies it to the moves it makes before d3-zoom has loaded.
 */
export function constrainToWidth(transform: ZoomTransform, width: number): ZoomTransform {
	const dx0 = transform.invertX(0);
	const dx1 = transform.invertX(width) - width;
	return transform.translate(dx1 > dx0 ? (dx0 + dx1) / 2 : Math.min(0, dx0) || Math.max(0, dx1), 0);
}

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
