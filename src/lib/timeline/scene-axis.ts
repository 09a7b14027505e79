/**
 * The scene's axis: its ticks (adaptive on a time scale, where events are with even spacing), the
 * breaks of an evenly spaced axis, and the visible range as text. Part of buildScene (scene.ts).
 */
import type { TimelineEvent } from './events.ts';
import type { TimeScale, ViewScale } from './scale.ts';
import { formatUTC } from './date-text.ts';
import { axisBreaks, evenTicks, PRECISION_LEVEL, stopsOf } from './spacing.ts';
import { ticksFor } from './ticks.ts';

/** Tick labels are 0.8rem (12.8 px) where marks have 13 px. */
const TICK_TYPE = 12.8 / 13;
const DAY = 86_400_000;

export interface SceneTick {
	time: number;
	x: number;
	label: string;
	/** The label's centre: under the tick, or moved in just enough to stay inside the plot. */
	labelX: number;
}

/** Where an evenly spaced axis skips whole years (x), and which ("2001–2008"). */
export interface SceneBreak {
	x: number;
	skipped: string;
}

interface AxisInput {
	/** The base scale (an evenly spaced one has a stop per event time) and the view of it. */
	base: TimeScale;
	scale: ViewScale;
	/** The shown events: their date precision decides which ticks an evenly spaced axis gets. */
	events: readonly TimelineEvent[];
	width: number;
	measure: (text: string) => number;
	range: [Date, Date];
}

/** The axis for a view: ticks with their labels kept inside the plot, and breaks. */
export function axisOf({ base, scale, events, width, measure, range }: AxisInput): { ticks: SceneTick[]; breaks: SceneBreak[] } {
	// Read once a frame: a d3 time scale's domain() makes a new Date for each of its (10,000) stops.
	const stops = stopsOf(base);
	const even = stops.length > 0;
	const ticks = even ? evenTicks(stops, scale, width, precisionLevels(events)) : ticksFor(range[0], range[1], width).map((tick) => ({ ...tick, x: scale(tick.time) }));
	return {
		ticks: ticks.map((tick) => ({ ...tick, labelX: insidePlot(tick.x, (measure(tick.label) * TICK_TYPE) / 2 + 1, width) })),
		breaks: even ? axisBreaks(stops, scale, width) : []
	};
}

/** Per list of shown events (the same array every frame of a zoom), its precision lookup: built once. */
const levelsOf = new WeakMap<readonly TimelineEvent[], (time: number) => number>();

/** The finest date precision of the events at each axis time, as a tick level (spacing.ts). */
function precisionLevels(events: readonly TimelineEvent[]): (time: number) => number {
	const cached = levelsOf.get(events);
	if (cached) return cached;
	const levels = new Map<number, number>();
	for (const event of events) levels.set(event.time, Math.max(levels.get(event.time) ?? 0, PRECISION_LEVEL[event.date.precision]));
	const levelAt = (time: number) => levels.get(time) ?? 0;
	levelsOf.set(events, levelAt);
	return levelAt;
}

/** `x`, moved so that `half` px either side of it stays inside [0, width]. */
const insidePlot = (x: number, half: number, width: number) => Math.min(Math.max(x, half), Math.max(half, width - half));

/** Years when zoomed out, months in between, days when close; the end names the last day shown. */
export function rangeText([from, to]: [Date, Date]): string {
	const span = to.getTime() - from.getTime();
	const pattern = span > 3 * 365 * DAY ? 'yyyy' : span > 60 * DAY ? 'MMM yyyy' : 'd MMM yyyy';
	// The range ends at an instant (midnight after the last day shown); name the last day itself.
	return `${formatUTC(from, pattern)} – ${formatUTC(new Date(to.getTime() - 1), pattern)}`;
}
