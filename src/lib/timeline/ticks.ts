/**
 * Axis ticks that adapt to the zoom: decades → years → months → weeks → days, labelled with
 * date-fns in UTC. The interval is the finest one whose ticks stay at least `minSpacingPx` apart.
 */
import { utcDay, utcMonth, utcWeek, utcYear, type CountableTimeInterval, type TimeInterval } from 'd3-time';
import { formatUTC } from './date-text.ts';

export type TickUnit = 'year' | 'month' | 'day';

interface TickStep {
	interval: TimeInterval;
	/** Shortest length of one step (February, a 365-day year), so no two ticks come closer than the spacing. */
	approxMs: number;
	unit: TickUnit;
}

const DAY = 86_400_000;
const every = (interval: CountableTimeInterval, n: number) => interval.every(n) ?? interval;

const STEPS: TickStep[] = [
	{ interval: utcDay, approxMs: DAY, unit: 'day' },
	{ interval: every(utcDay, 2), approxMs: 2 * DAY, unit: 'day' },
	{ interval: utcWeek, approxMs: 7 * DAY, unit: 'day' },
	{ interval: utcMonth, approxMs: 28 * DAY, unit: 'month' },
	{ interval: every(utcMonth, 3), approxMs: 89 * DAY, unit: 'month' },
	{ interval: every(utcMonth, 6), approxMs: 181 * DAY, unit: 'month' },
	{ interval: utcYear, approxMs: 365 * DAY, unit: 'year' },
	{ interval: every(utcYear, 2), approxMs: 730 * DAY, unit: 'year' },
	{ interval: every(utcYear, 5), approxMs: 1826 * DAY, unit: 'year' },
	{ interval: every(utcYear, 10), approxMs: 3652 * DAY, unit: 'year' }
];

/** Picks the tick step for a view of `spanMs` across `widthPx`. */
export function tickStepFor(spanMs: number, widthPx: number, minSpacingPx = 64): TickStep {
	const msPerPx = spanMs / Math.max(1, widthPx);
	return STEPS.find((step) => step.approxMs / msPerPx >= minSpacingPx) ?? STEPS[STEPS.length - 1]!;
}

/** "2013"; "Jan 2025" at a year's start, else "Feb"; "17 Jan", with the month and year on the 1st. */
export function formatTick(date: Date, unit: TickUnit): string {
	if (unit === 'year') return formatUTC(date, 'yyyy');
	if (unit === 'month') return formatUTC(date, date.getUTCMonth() === 0 ? 'MMM yyyy' : 'MMM');
	return formatUTC(date, date.getUTCDate() === 1 ? 'd MMM yyyy' : 'd MMM');
}

export interface Tick {
	time: number;
	label: string;
}

/** The labelled ticks between `from` and `to` for a view `widthPx` wide. */
export function ticksFor(from: Date, to: Date, widthPx: number): Tick[] {
	const step = tickStepFor(to.getTime() - from.getTime(), widthPx);
	return step.interval.range(from, new Date(to.getTime() + 1)).map((date) => ({
		time: date.getTime(),
		label: formatTick(date, step.unit)
	}));
}
