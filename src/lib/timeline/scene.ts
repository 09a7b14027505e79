/**
 * The scene: everything the plot draws, computed in one pure function from the data, the filters'
 * result, the view and the plot's size. Components render their part of it and compute nothing of
 * their own; focus code asks it what is drawn and where; the image downloads render it
 * (scene-svg.ts). Same input, same scene: the golden files in scene.test.ts hold it to that.
 */
import type { ZoomTransform } from 'd3-zoom';
import { formatEventDate } from './dates.ts';
import { formatUTC } from './date-text.ts';
import { eventButtonName, type Era, type Timeline, type TimelineEvent } from './events.ts';
import { fitLanes, MIN_LANES, SPAN_ROW, type PlotGeometry } from './geometry.ts';
import { labelFor, layoutEvents, PILL_GAP, pillOf, MAX_SPAN_ROWS, moveLayout, packSpans, truncateLabel, type Layout } from './layout.ts';
import { densestDay, plotGeometry } from './geometry.ts';
import { domainFor, viewScale, type TimeDomain, type TimeScale, type ViewScale } from './scale.ts';
import { THEMES, type MarkShape, type ThemeId } from './themes.ts';
import { axisOf, rangeText, type SceneBreak, type SceneTick } from './scene-axis.ts';

/** The glyph's size (px); a mark is its glyph and, after a gap, its label. */
export const MARK_SIZE = 16;
const LABEL_GAP = 4;
/** Height of a mark's row and of a span bar (px): the glyph is centred in the row. */
export const MARK_HEIGHT = 26;
export const SPAN_HEIGHT = 20;
export const CLUSTER_HEIGHT = 24;
/** Height of the overview strip's tick area and the shortest brush (px). */
export const OVERVIEW_HEIGHT = 30;
export const MIN_BRUSH = 6;
/** Era names are drawn only on bands at least this wide (px), 12 px type where marks have 13 px. */
const ERA_NAME_MIN_WIDTH = 40;
const ERA_TYPE = 12 / 13;
/** A bar's border and padding either side of its label, and an era name's (px). */
const SPAN_PADDING = 16;
const ERA_PADDING = 12;

export interface SceneInput {
	/** The events that pass the filters, in axis order. */
	events: readonly TimelineEvent[];
	/** Every event by id, built once (a scene is built each frame of a zoom). */
	eventsById: ReadonlyMap<string, TimelineEvent>;
	eras: readonly Era[];
	/** The whole domain across [0, width]. */
	base: TimeScale;
	/** The view, as d3-zoom reports it. */
	transform: Pick<ZoomTransform, 'k' | 'x'>;
	width: number;
	geometry: PlotGeometry;
	/** Each span's row (packed once for all data, so rows never jump); spans without one are points. */
	spanRows: ReadonlyMap<string, number>;
	/** The rendered width of a label (px), in the font the marks use. */
	measure: (text: string) => number;
	selectedId?: string | null;
	/** The story step the reader is at. */
	currentId?: string | null;
	/** The mark that should hold the plot's one tab stop, if it is drawn. */
	focusId?: string | null;
	/** Move this earlier layout's marks instead of laying them out again (large data while zooming). */
	moveFrom?: Layout | null;
}

export interface SceneMark {
	id: string;
	/** Centre of the glyph and top of the mark's row (px). */
	x: number;
	y: number;
	lane: number;
	/** The label as drawn ('' when there is no room), and the full title when it is cut. */
	label: string;
	title: string | null;
	/** Which side of the glyph the label is drawn on. */
	labelSide: 'right' | 'left';
	theme: ThemeId;
	shape: MarkShape;
	hollow: boolean;
	/** The accessible name: date, title, context and number of sources. */
	name: string;
	selected: boolean;
	current: boolean;
}

export interface SceneSpan {
	id: string;
	x: number;
	width: number;
	y: number;
	title: string;
	/** The title as it fits inside the bar's visible part, cut with "…" ('' when nothing fits). */
	label: string;
	theme: ThemeId;
	hollow: boolean;
	name: string;
	selected: boolean;
	current: boolean;
}

export interface SceneCluster {
	ids: string[];
	/** Left edge and width of the pill (px). */
	x: number;
	width: number;
	y: number;
	/** The pill's text ("+3") and its accessible name ("3 more events, 17 Jan 2025"). */
	text: string;
	name: string;
	/** The first folded event's x: a list of the cluster's events opens under it. */
	anchor: number;
}

export interface SceneEra {
	id: string;
	x: number;
	width: number;
	height: number;
	shade: 'a' | 'b';
	/** The name drawn on the band, or null when the band is too narrow for it. */
	label: string | null;
	/** The band's tooltip: name and description. */
	title: string;
}

/** The overview strip's brush: the part of it that changes with the view. */
export interface SceneOverview {
	/** The visible window on the whole-domain scale (px). */
	brush: { x: number; width: number };
	/** The window read aloud: "Jan 1990 to Dec 2026". */
	valueText: string;
}

export interface Scene {
	width: number;
	height: number;
	geometry: PlotGeometry;
	/** First and last instant in view, and the same as the page writes it ("Mar 2024 – Sep 2024"). */
	range: [Date, Date];
	rangeText: string;
	eras: SceneEra[];
	spans: SceneSpan[];
	marks: SceneMark[];
	clusters: SceneCluster[];
	ticks: SceneTick[];
	/** Breaks in an evenly spaced axis; none on a time scale. */
	breaks: SceneBreak[];
	/** The open event's period on the axis (a whole year for "2013"), or null. */
	period: { x: number; width: number } | null;
	overview: SceneOverview;
	/** The mark that holds the plot's one tab stop (roving tabindex), or null when none is drawn. */
	tabStopId: string | null;
	/** How many lanes the marks in view use (at least one): a plot that fits its view draws only these (fitScene). */
	lanesInUse: number;
	/** The layout of the point events, for moving it while a large zoom is under way. */
	layout: Layout;
}

/** What the scene needs from the whole data, computed once: it does not change with filters or zoom. */
export interface SceneData {
	/** Every event (with its end) and era, with room on both sides. */
	domain: TimeDomain;
	/** Each span's row, packed by time once so rows never jump while zooming. */
	spanRows: Map<string, number>;
	spanRowCount: number;
	/** The most events on one day: wide plots give each its own lane. */
	densestDay: number;
}

export function sceneData({ events, eras }: Timeline): SceneData {
	const times = [
		...events.flatMap((event) => (event.endTime ? [event.time, event.endTime] : [event.time])),
		...eras.flatMap((era) => [era.start.start.getTime(), era.end.start.getTime()])
	];
	const spans = events.filter((event) => event.endTime !== undefined);
	// Spans beyond MAX_SPAN_ROWS rows get no row: they are drawn as points (very large data).
	const spanRows = packSpans(spans.map((e) => ({ id: e.id, x: e.time, x2: e.endTime! })), 0, MAX_SPAN_ROWS);
	return {
		domain: domainFor(times),
		spanRows,
		spanRowCount: spanRows.size ? Math.max(...spanRows.values()) + 1 : 0,
		densestDay: densestDay(events.filter((e) => e.date.precision === 'day').map((e) => e.date.text))
	};
}

/** The plot's rows for `data` at `width` px, at most `maxHeight` px tall. */
export const sceneGeometry = (data: SceneData, width: number, maxHeight = Infinity, fit = false) =>
	plotGeometry(width, data.spanRowCount, data.densestDay, maxHeight, fit);

/** Whether an event is drawn as a bar: it has an end and got a span row. */
export const isBar = (event: TimelineEvent, spanRows: ReadonlyMap<string, number>) => event.end !== undefined && spanRows.has(event.id);

export function buildScene(input: SceneInput): Scene {
	const { events, eras, base, transform, width, geometry, spanRows, measure } = input;
	const scale = viewScale(base, transform);
	const range: [Date, Date] = [scale.invert(0), scale.invert(width)];
	const byId = input.eventsById;
	const flags = (id: string) => ({ selected: input.selectedId === id, current: input.currentId === id });

	const points = events.filter((event) => !isBar(event, spanRows));
	const layout = input.moveFrom
		? moveLayout(input.moveFrom, (id) => scale(byId.get(id)!.time))
		: layoutEvents(
				points.map((event) => ({ id: event.id, x: scale(event.time), label: event.title, short: event.label, key: event.key })),
				{ lanes: geometry.lanes, markGap: 22, markWidth: MARK_SIZE + LABEL_GAP, minLabelWidth: 64, width, overscan: 400, measure }
			);

	const marks = layout.events.map((placed): SceneMark => {
		const event = byId.get(placed.id)!;
		const theme = THEMES[event.themes[0]!];
		// A mark scrolled off the left edge keeps no label: a label cut at its start reads as a different title.
		const label = placed.x >= 0 ? placed.label : '';
		return {
			id: event.id,
			x: placed.x,
			y: geometry.laneTop(placed.lane),
			lane: placed.lane,
			label,
			title: label === event.title ? null : event.title,
			labelSide: placed.side,
			theme: theme.id,
			shape: theme.shape,
			hollow: event.context,
			name: eventButtonName(event),
			...flags(event.id)
		};
	});

	const spans = events
		.filter((event) => isBar(event, spanRows))
		.flatMap((event): SceneSpan[] => {
			const x = scale(event.time);
			const x2 = scale(event.endTime ?? event.time);
			if (x2 <= 0 || x >= width) return [];
			// Bars running off either edge are cut just outside it, so their rounded ends stay hidden.
			const left = Math.max(-4, x);
			const barWidth = Math.max(8, Math.min(width + 4, x2) - left);
			return [
				{
					id: event.id,
					x: left,
					width: barWidth,
					y: geometry.spanTop + spanRows.get(event.id)! * SPAN_ROW,
					title: event.title,
					label: labelFor(event.title, event.label, barWidth - SPAN_PADDING, measure),
					theme: event.themes[0]!,
					hollow: event.context,
					name: eventButtonName(event),
					...flags(event.id)
				}
			];
		});

	const clusters = layout.clusters.map((cluster): SceneCluster => {
		const folded = cluster.ids.map((id) => byId.get(id)!);
		const pill = pillOf(cluster, measure);
		return { ids: cluster.ids, x: pill.x, width: pill.width, y: geometry.clusterTop + 3, text: pill.text, name: clusterName(folded), anchor: cluster.x };
	});
	// Pills at the right edge are moved in to stay whole, each pushing the ones before it along.
	let edge = width;
	for (const cluster of clusters.toReversed()) {
		cluster.x = Math.min(cluster.x, edge - cluster.width);
		edge = cluster.x - PILL_GAP;
	}

	const drawn = [...spans.map((span) => span.id), ...marks.map((mark) => mark.id)];
	const tabStopId =
		input.focusId && drawn.includes(input.focusId) ? input.focusId : (marks.find((mark) => mark.x >= 0)?.id ?? drawn[0] ?? null);

	return {
		width,
		height: geometry.height,
		geometry,
		range,
		rangeText: rangeText(range),
		eras: eraBands(eras, scale, width, geometry.axisTop, measure),
		spans,
		marks,
		clusters,
		...axisOf({ base, scale, events, width, measure, range }),
		period: periodOf(input.selectedId ? byId.get(input.selectedId) : undefined, scale, width),
		overview: overviewOf(input, range),
		tabStopId,
		lanesInUse: lanesInUse(marks, width),
		layout
	};
}

/** The lanes used by marks whose glyph is in view (marks laid out beyond the edges wait there). */
function lanesInUse(marks: readonly SceneMark[], width: number): number {
	let lanes = MIN_LANES;
	for (const mark of marks) if (mark.x > -MARK_SIZE && mark.x < width + MARK_SIZE) lanes = Math.max(lanes, mark.lane + 1);
	return lanes;
}

/**
 * The scene drawn with `lanes` lanes (fractional while the height animates) instead of all it was
 * laid out in: every row below the span bars moves with the axis, and nothing is laid out again.
 */
export function fitScene(scene: Scene, lanes: number): Scene {
	if (lanes === scene.geometry.lanes) return scene;
	const geometry = fitLanes(scene.geometry, lanes);
	return {
		...scene,
		geometry,
		height: geometry.height,
		eras: scene.eras.map((era) => ({ ...era, height: geometry.axisTop })),
		// A mark in a lane not drawn (one beyond the edge, whose label only reaches into view, or one
		// whose lane is still growing in) would sit on the rows above the lanes: it waits off the plot.
		marks: scene.marks.filter((mark) => mark.lane < Math.ceil(lanes)).map((mark) => ({ ...mark, y: geometry.laneTop(mark.lane) })),
		clusters: scene.clusters.map((cluster) => ({ ...cluster, y: geometry.clusterTop + 3 }))
	};
}

function eraBands(eras: readonly Era[], scale: ViewScale, width: number, height: number, measure: (text: string) => number): SceneEra[] {
	return eras.flatMap((era, i): SceneEra[] => {
		const left = Math.max(0, scale(era.start.start));
		const right = Math.min(width, scale(era.end.start));
		if (right <= left) return [];
		return [
			{
				id: era.id,
				x: left,
				width: right - left,
				height,
				shade: i % 2 === 0 ? 'a' : 'b',
				label: right - left > ERA_NAME_MIN_WIDTH ? truncateLabel(era.name, right - left - ERA_PADDING, (text) => measure(text) * ERA_TYPE) || null : null,
				title: `${era.name}: ${era.description}`
			}
		];
	});
}

function periodOf(event: TimelineEvent | undefined, scale: ViewScale, width: number): Scene['period'] {
	if (!event) return null;
	const start = Math.max(-2, scale(event.date.start));
	const end = scale(event.end ? event.end.end : event.date.end);
	return { x: start, width: Math.max(3, Math.min(width + 2, end) - start) };
}

function overviewOf({ base, width }: SceneInput, [from, to]: [Date, Date]): SceneOverview {
	const left = base(from);
	const right = base(to);
	return {
		brush: { x: Math.max(0, left), width: Math.max(MIN_BRUSH, Math.min(width, right) - Math.max(0, left)) },
		valueText: `${formatUTC(from, 'MMM yyyy')} to ${formatUTC(to, 'MMM yyyy')}`
	};
}

/**
 * The overview strip's ticks: each shown event's x on the whole-domain scale (rounded to a pixel
 * column), and the story's current step. Apart from the scene, as it does not change while zooming:
 * thousands of events are placed (and drawn on the strip's canvas) once, not in every zoom frame.
 */
export function overviewTicks(events: readonly TimelineEvent[], base: TimeScale, currentId: string | null): { ticks: number[]; current: number | null } {
	const current = currentId ? events.find((event) => event.id === currentId) : undefined;
	return { ticks: events.map((event) => Math.round(base(event.time))), current: current ? Math.round(base(current.time)) : null };
}

function clusterName(events: readonly TimelineEvent[]): string {
	const first = formatEventDate(events[0]!.date);
	const last = formatEventDate(events[events.length - 1]!.date);
	const when = first === last ? first : `${first} – ${last}`;
	return `${events.length} more event${events.length === 1 ? '' : 's'}, ${when}`;
}

