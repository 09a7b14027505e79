/** The base time scale: the whole domain across the viewport. Zooming rescales a copy of it. */
import { scaleUtc, type ScaleTime } from 'd3-scale';
import { utc } from './dates.ts';

export type TimeScale = ScaleTime<number, number>;
export type TimeDomain = [Date, Date];

/** A UTC time scale from `domain` onto [0, width]. */
export function createTimeScale(domain: TimeDomain, width: number): TimeScale {
	return scaleUtc().domain(domain).range([0, Math.max(1, width)]);
}

/** Room beyond the first and last year, as a share of the span, so edge marks and labels fit. */
const PADDING = 0.025;

/**
 * The domain that shows every event and era with room on both sides: from 1 January of the
 * first year to the end of the last year, padded a little, so 1991–2025 reads "1991 … 2025".
 */
export function domainFor(times: readonly number[]): TimeDomain {
	if (times.length === 0) throw new Error('domainFor() needs at least one time');
	let first = Infinity;
	let last = -Infinity;
	for (const time of times) {
		if (time < first) first = time;
		if (time > last) last = time;
	}
	const firstYear = new Date(first).getUTCFullYear();
	const lastYear = new Date(last).getUTCFullYear();
	const start = utc(firstYear, 0, 1).getTime();
	const end = utc(lastYear + 1, 0, 1).getTime();
	const pad = (end - start) * PADDING;
	return [new Date(start - pad), new Date(end + pad)];
}

/** A zoomed view of a base scale: where an instant is drawn (px), and the instant at a pixel. */
export interface ViewScale {
	(time: Date | number): number;
	invert(x: number): Date;
}

/**
 * The base scale seen through d3-zoom's transform: x = k × base(t) + tx. Not d3's rescaleX, which
 * re-interpolates between the base range's stops: exact for a linear scale, but an evenly spaced
 * scale (spacing.ts) has a kink at every event, and a rescaled copy would cut across them.
 */
export function viewScale(base: TimeScale, { k, x }: { k: number; x: number }): ViewScale {
	const scale = (time: Date | number) => k * base(time) + x;
	scale.invert = (px: number) => base.invert((px - x) / k);
	return scale;
}
