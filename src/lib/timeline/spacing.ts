/**
 * Two ways to place events along the axis. On a time scale, distance is time: 1991 to 2022 takes
 * most of the width and the thirty events of 2022–2025 share the last tenth. With even spacing
 * (as Flourish's timeline offers) each distinct event time gets an equal slot, in time order, so
 * the dense years get the room their events need and empty decades shrink to a break on the axis.
 *
 * Even spacing is still a time scale, a piecewise-linear one (d3's polylinear scaleUtc): its stops
 * are the domain's two ends and each distinct event time. Every date therefore still has a place
 * (eras, span ends, ticks, a link's from/to), zooming is the same transform of it, and everything
 * that reads the base scale (the overview, the story's camera, the exports) follows without knowing.
 */
import { scaleUtc } from 'd3-scale';
import { utcDay, utcMonth, utcYear, type TimeInterval } from 'd3-time';
import { formatUTC } from './date-text.ts';
import { createTimeScale, type TimeDomain, type TimeScale, type ViewScale } from './scale.ts';
import type { Tick } from './ticks.ts';

export type Spacing = 'even' | 'time';
/** The default first: even spacing names the most events at first glance (README, "Spacing"). */
export const SPACINGS: readonly Spacing[] = ['even', 'time'];
export const DEFAULT_SPACING: Spacing = 'even';

export function isSpacing(value: unknown): value is Spacing {
	return SPACINGS.includes(value as Spacing);
}

/** The distinct times strictly inside the domain, ascending. */
function distinctTimes(domain: TimeDomain, times: readonly number[]): number[] {
	const [start, end] = [domain[0].getTime(), domain[1].getTime()];
	const sorted = times.filter((time) => time > start && time < end).sort((a, b) => a - b);
	return sorted.filter((time, i) => i === 0 || time !== sorted[i - 1]);
}

/**
 * The evenly spaced base scale: each distinct time in `times` gets an equal slot, its event at the
 * slot's centre; the domain's ends are the plot's edges.
 * With no times it is the plain time scale.
 */
export function createEvenScale(domain: TimeDomain, times: readonly number[], width: number): TimeScale {
	const stops = distinctTimes(domain, times);
	if (stops.length === 0) return createTimeScale(domain, width);
	const w = Math.max(1, width);
	const slot = w / stops.length;
	return scaleUtc()
		.domain([domain[0], ...stops.map((time) => new Date(time)), domain[1]])
		.range([0, ...stops.map((_, i) => (i + 0.5) * slot), w]);
}

/** The base scale for `spacing`: `times` are the shown events' axis times (ignored on a time scale). */
export function createBaseScale(spacing: Spacing, domain: TimeDomain, times: readonly number[], width: number): TimeScale {
	return spacing === 'even' ? createEvenScale(domain, times, width) : createTimeScale(domain, width);
}

/** The number of event slots of an evenly spaced scale (0 for a plain time scale). */
export const slotCount = (base: TimeScale) => Math.max(0, base.domain().length - 2);

/** The event times an evenly spaced base scale has a stop at (its domain without the two ends). */
export const stopsOf = (base: TimeScale) => (base.domain() as Date[]).slice(1, -1);

/** The `stops` drawn inside [0, width] by `scale`, and `extra` more each side. */
function visibleStops(stops: readonly Date[], scale: ViewScale, width: number, extra = 0): Date[] {
	const from = firstAtOrAfter(stops, scale.invert(0).getTime());
	const to = firstAtOrAfter(stops, scale.invert(width).getTime() + 1);
	return stops.slice(Math.max(0, from - extra), Math.min(stops.length, to + extra));
}

/** Binary search: the index of the first date at or after `time` in ascending `dates`. */
function firstAtOrAfter(dates: readonly Date[], time: number): number {
	let low = 0;
	let high = dates.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (dates[mid]!.getTime() < time) low = mid + 1;
		else high = mid;
	}
	return low;
}

/** The tick level each date precision reaches. */
export const PRECISION_LEVEL = { year: 0, month: 1, day: 2 } as const;

interface TickLevel {
	interval: TimeInterval;
	format: (date: Date) => string;
	/** The label when no tick in view names the year ("Jul 2015", not a "Jul" of no year). */
	withYear: (date: Date) => string;
}

/** Coarse to fine: a coarser tick wins the room, a finer one fills what is left. */
const LEVELS: TickLevel[] = [
	{ interval: utcYear, format: (date) => formatUTC(date, 'yyyy'), withYear: (date) => formatUTC(date, 'yyyy') },
	{ interval: utcMonth, format: (date) => formatUTC(date, 'MMM'), withYear: (date) => formatUTC(date, 'MMM yyyy') },
	{ interval: utcDay, format: (date) => formatUTC(date, 'd MMM'), withYear: (date) => formatUTC(date, 'd MMM yyyy') }
];
/** A label that carries its year is longer: it keeps this much more room (a share of the spacing). */
const WITH_YEAR_ROOM = 1.35;

/**
 * Ticks for an evenly spaced view: the start of each year, month and day that holds a shown event
 * (the axis says where each year's events begin; empty years get no tick, a break marks them),
 * coarse levels first, each kept only where it is at least `minSpacingPx` from every kept tick;
 * the first month or day of a year with no year tick in view names it ("Jul 2015"), keeping a
 * little more room.
 * `levelAt(time)` is the finest level the events at that time are dated to (0 year, 1 month,
 * 2 day; see PRECISION_LEVEL). `allStops` are the base scale's event times (stopsOf), `scale` the
 * view; only stops drawn inside [0, width] are looked at.
 */
export function evenTicks(allStops: readonly Date[], scale: ViewScale, width: number, levelAt: (time: number) => number = () => LEVELS.length - 1, minSpacingPx = 64): (Tick & { x: number })[] {
	const stops = visibleStops(allStops, scale, width);
	const kept: (Tick & { x: number })[] = [];
	const taken = new Set<number>();
	const roomAt = (x: number, spacing: number) => x >= 0 && x <= width && kept.every((tick) => Math.abs(tick.x - x) >= spacing);
	const yearsShown = new Set<number>();
	for (const [depth, level] of LEVELS.entries()) {
		// A level is worth a look while the axis has room for more ticks.
		if (kept.length >= width / minSpacingPx) break;
		let previous = NaN;
		for (const stop of stops) {
			// A "2024-10" event says nothing about its day: no day tick for it.
			if (levelAt(stop.getTime()) < depth) continue;
			const start = level.interval.floor(stop).getTime();
			if (start === previous) continue;
			previous = start;
			if (taken.has(start)) continue;
			const x = scale(start);
			const date = new Date(start);
			const yearShown = depth > 0 && yearsShown.has(date.getUTCFullYear());
			if (!roomAt(x, yearShown || depth === 0 ? minSpacingPx : minSpacingPx * WITH_YEAR_ROOM)) continue;
			kept.push({ time: start, label: yearShown ? level.format(date) : level.withYear(date), x });
			taken.add(start);
			// Named once: the year's later ticks leave it out.
			yearsShown.add(date.getUTCFullYear());
		}
	}
	return kept.sort((a, b) => a.x - b.x);
}

/** Breaks nearer each other than this (px) are drawn as one. */
const BREAK_SPACING = 14;

/**
 * Where the evenly spaced axis skips whole calendar years (between two neighbouring stops at
 * least two years apart: 2000 then 2009 skips 2001–2008): the midpoint between them, in px of the
 * view `scale`, with the skipped years for its label. Only breaks inside [0, width].
 */
export function axisBreaks(allStops: readonly Date[], scale: ViewScale, width: number): { x: number; skipped: string }[] {
	// One stop either side of the view, so a break between the edge and the first stop in view is found.
	const stops = visibleStops(allStops, scale, width, 1);
	const breaks: { x: number; skipped: string }[] = [];
	for (let i = 1; i < stops.length; i++) {
		const before = stops[i - 1]!.getUTCFullYear();
		const after = stops[i]!.getUTCFullYear();
		if (after - before < 2) continue;
		const x = (scale(stops[i - 1]!) + scale(stops[i]!)) / 2;
		if (x < 0 || x > width) continue;
		const skipped = after - before === 2 ? `${before + 1}` : `${before + 1}–${after - 1}`;
		// Breaks closer than a break's width are drawn as one, naming every gap.
		const last = breaks[breaks.length - 1];
		if (last && x - last.x < BREAK_SPACING) last.skipped += `, ${skipped}`;
		else breaks.push({ x, skipped });
	}
	return breaks;
}
