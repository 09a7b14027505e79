/**
 * The scene of the real events.json, as Observable Plot tests its plots: golden SVG files for a set
 * of views (scene-golden/, drawn by sceneToSvg in the page's own palettes read from app.css), plus
 * what every scene must hold whatever the view. When a golden file changes on purpose, update it
 * with `npx vitest run -u src/lib/timeline/scene.test.ts` and look at the new SVGs before committing.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { zoomIdentity } from 'd3-zoom';
import { dataPaths, loadTimeline } from '../server/data.ts';
import { filterEvents, NO_FILTER, type EventFilter } from './filters.ts';
import { createBaseScale, type Spacing } from './spacing.ts';
import { buildScene, fitScene, sceneData, sceneGeometry, type Scene } from './scene.ts';
import { clusterRange, findInScene, isInView } from './scene-queries.ts';
import { sceneToSvg, type Palette } from './scene-svg.ts';
import { THEME_IDS } from './themes.ts';
import { rangeTransform } from './zoom.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const timeline = loadTimeline(dataPaths(ROOT), () => {});
const data = sceneData(timeline);
/** A stand-in for the browser's text measure: 7 px a character, about 13 px system-ui. */
const measure = (text: string) => text.length * 7;

interface View {
	width: number;
	range?: [Date, Date];
	filter?: EventFilter;
	selectedId?: string;
	/** The time scale unless said. */
	spacing?: Spacing;
}

function sceneOf({ width, range, filter = NO_FILTER, selectedId, spacing = 'time' }: View): Scene {
	const events = filterEvents(timeline.events, filter);
	const base = createBaseScale(spacing, data.domain, events.map((event) => event.time), width);
	return buildScene({
		events,
		eventsById: new Map(timeline.events.map((event) => [event.id, event])),
		eras: timeline.eras,
		base,
		transform: range ? rangeTransform(base, range) : zoomIdentity,
		width,
		geometry: sceneGeometry(data, width),
		spanRows: data.spanRows,
		measure,
		selectedId
	});
}

/** The light and dark palettes as app.css writes them: `--name: light-dark(light, dark)`. */
function cssPalette(scheme: 'light' | 'dark'): Palette {
	const css = readFileSync(new URL('../../app.css', import.meta.url), 'utf8');
	const colours = new Map([...css.matchAll(/(--[\w-]+):\s*light-dark\(([^,]+),\s*([^)]+)\)/g)].map((m) => [m[1]!, scheme === 'light' ? m[2]! : m[3]!]));
	const get = (name: string) => {
		const colour = colours.get(name);
		if (!colour) throw new Error(`app.css has no light-dark() value for ${name}`);
		return colour;
	};
	return {
		bg: get('--bg'),
		bgRaised: get('--bg-raised'),
		fg: get('--fg'),
		fgMuted: get('--fg-muted'),
		line: get('--line'),
		lineStrong: get('--line-strong'),
		focus: get('--focus'),
		markHighlight: get('--mark-highlight'),
		eraA: get('--era-a'),
		eraB: get('--era-b'),
		themes: Object.fromEntries(THEME_IDS.map((id) => [id, get(`--theme-${id}`)])) as Palette['themes']
	};
}

const utc = (year: number, month = 0, day = 1) => new Date(Date.UTC(year, month, day));
const VIEWS: { name: string; view: View; scheme: 'light' | 'dark' }[] = [
	{ name: 'full-range', view: { width: 1200 }, scheme: 'light' },
	{ name: 'january-2025', view: { width: 1200, range: [utc(2025, 0, 1), utc(2025, 1, 1)], selectedId: 'treaty-signed' }, scheme: 'light' },
	{ name: 'military-security', view: { width: 1200, filter: { ...NO_FILTER, themes: ['military-security'] } }, scheme: 'light' },
	{ name: 'phone-360', view: { width: 360 }, scheme: 'light' },
	{ name: 'full-range-dark', view: { width: 1200 }, scheme: 'dark' },
	// The first view at 1280 px (an 820 px plot beside the panel), evenly spaced.
	{ name: 'even-full-range', view: { width: 820, spacing: 'even' }, scheme: 'light' },
	{ name: 'even-january-2025', view: { width: 1200, spacing: 'even', range: [utc(2025, 0, 1), utc(2025, 1, 1)], selectedId: 'treaty-signed' }, scheme: 'light' },
	{ name: 'even-phone-360', view: { width: 360, spacing: 'even' }, scheme: 'dark' }
];

/**
 * Where even spacing puts `time` when the whole domain is in view, by the README's rule: each
 * distinct event time gets an equal slot, its events at the slot's centre, and times between two
 * stops (and between the domain's ends and the first and last) lie on the straight line between.
 */
function evenX(time: number, eventTimes: readonly number[], width: number): number {
	const stops = [...new Set(eventTimes)].sort((a, b) => a - b);
	const slot = width / stops.length;
	const points = [[data.domain[0].getTime(), 0], ...stops.map((t, i) => [t, (i + 0.5) * slot]), [data.domain[1].getTime(), width]] as [number, number][];
	const i = points.findIndex(([t]) => t >= time);
	const [t0, x0] = points[Math.max(0, i - 1)]!;
	const [t1, x1] = points[i]!;
	return t1 === t0 ? x1 : x0 + ((time - t0) / (t1 - t0)) * (x1 - x0);
}

describe('golden scenes of events.json', () => {
	it.each(VIEWS)('the $name scene draws as scene-golden/$name.svg', async ({ name, view, scheme }) => {
		const svg = sceneToSvg(sceneOf(view), { title: timeline.title, footer: 'Golden file: scene.test.ts', palette: cssPalette(scheme), font: 'system-ui, sans-serif', measure });
		await expect(svg).toMatchFileSnapshot(`./scene-golden/${name}.svg`);
	});
});

describe('every scene', () => {
	const inRange = (scene: Scene, time: number) => time >= scene.range[0].getTime() && time <= scene.range[1].getTime();

	it.each(VIEWS.map(({ name, view }) => ({ name, view })))('$name: every shown event in view is drawn once, as a mark, a bar or in a cluster', ({ view }) => {
		const scene = sceneOf(view);
		const shown = filterEvents(timeline.events, view.filter ?? NO_FILTER);
		const drawn = [...scene.marks.map((m) => m.id), ...scene.spans.map((s) => s.id), ...scene.clusters.flatMap((c) => c.ids)];
		expect(new Set(drawn).size, 'no event is drawn twice').toBe(drawn.length);
		for (const event of shown.filter((e) => inRange(scene, e.time))) expect(findInScene(scene, event.id), event.id).not.toBeNull();
		for (const id of drawn) expect(shown.some((e) => e.id === id), `${id} passes the filter`).toBe(true);
	});

	it.each(VIEWS.map(({ name, view }) => ({ name, view })))('$name: ticks lie inside the plot and name the instants they stand at', ({ view }) => {
		const scene = sceneOf(view);
		expect(scene.ticks.length).toBeGreaterThanOrEqual(2);
		const [from, to] = scene.range.map((d) => d.getTime()) as [number, number];
		const times = filterEvents(timeline.events, view.filter ?? NO_FILTER).map((event) => event.time);
		for (const tick of scene.ticks) {
			expect(tick.x).toBeGreaterThanOrEqual(-1e-6);
			expect(tick.x).toBeLessThanOrEqual(view.width + 1e-6);
			if (view.spacing !== 'even') expect(tick.x).toBeCloseTo(((tick.time - from) / (to - from)) * view.width, 6);
			else if (!view.range) expect(tick.x).toBeCloseTo(evenX(tick.time, times, view.width), 6);
			// The label stays inside the plot.
			expect(tick.labelX - measure(tick.label) / 2).toBeGreaterThanOrEqual(0);
			expect(tick.labelX + measure(tick.label) / 2).toBeLessThanOrEqual(view.width);
		}
		// Ticks go left to right in time.
		for (let i = 1; i < scene.ticks.length; i++) expect(scene.ticks[i]!.time).toBeGreaterThan(scene.ticks[i - 1]!.time);
	});

	it.each(VIEWS.map(({ name, view }) => ({ name, view })))('$name: "+N" pills do not overlap, and labels of marks in the plot end inside it', ({ view }) => {
		const scene = sceneOf(view);
		scene.clusters.forEach((cluster, i) => {
			const next = scene.clusters[i + 1];
			if (next) expect(cluster.x + cluster.width, `${cluster.text} and ${next.text}`).toBeLessThanOrEqual(next.x);
		});
		const last = scene.clusters.at(-1);
		if (last) expect(last.x + last.width).toBeLessThanOrEqual(view.width);
		for (const mark of scene.marks.filter((m) => m.label && m.x >= 0 && m.x <= view.width)) {
			if (mark.labelSide === 'right') expect(mark.x + 12 + measure(mark.label), mark.id).toBeLessThanOrEqual(view.width);
			else expect(mark.x - 12 - measure(mark.label), mark.id).toBeGreaterThanOrEqual(0);
		}
	});

	it('marks in one lane are at least 22 px apart and labels never reach the next mark', () => {
		for (const { view } of VIEWS) {
			const scene = sceneOf(view);
			const lanes = new Map<number, typeof scene.marks>();
			for (const mark of scene.marks) lanes.set(mark.lane, [...(lanes.get(mark.lane) ?? []), mark]);
			// From a mark's label start (left labels) to its label end (right labels).
			const start = (mark: Scene['marks'][number]) => (mark.labelSide === 'left' ? mark.x - 12 - measure(mark.label) : mark.x);
			const end = (mark: Scene['marks'][number]) => (mark.labelSide === 'right' ? mark.x + 12 + measure(mark.label) : mark.x);
			for (const marks of lanes.values()) {
				for (let i = 1; i < marks.length; i++) {
					expect(marks[i]!.x - marks[i - 1]!.x).toBeGreaterThanOrEqual(22);
					expect(end(marks[i - 1]!)).toBeLessThanOrEqual(start(marks[i]!));
				}
			}
		}
	});

	it('the open event’s period is marked on the axis: treaty-signed, 17 January 2025, one day wide', () => {
		const scene = sceneOf(VIEWS[1]!.view);
		const dayWidth = 1200 / 31;
		expect(scene.period?.width).toBeCloseTo(dayWidth, 6);
		expect(scene.period?.x).toBeCloseTo(16 * dayWidth, 6);
	});

	it('the range text and the overview brush follow the view: January 2025 on a 1200 px strip', () => {
		const scene = sceneOf(VIEWS[1]!.view);
		expect(scene.rangeText).toBe('1 Jan 2025 – 31 Jan 2025');
		const [d0, d1] = data.domain.map((d) => d.getTime()) as [number, number];
		expect(scene.overview.brush.x).toBeCloseTo(((utc(2025, 0, 1).getTime() - d0) / (d1 - d0)) * 1200, 6);
		expect(scene.overview.brush.width).toBe(6);
	});
});

describe('even spacing', () => {
	const scene = sceneOf({ width: 820, spacing: 'even' });
	const times = timeline.events.map((event) => event.time);

	it('places every mark at its slot: the n-th distinct time at (n + ½) × width / slots', () => {
		for (const mark of scene.marks) expect(mark.x, mark.id).toBeCloseTo(evenX(timeline.events.find((e) => e.id === mark.id)!.time, times, 820), 6);
	});

	it('names every key event and at least half of all events in full (title or short label) at first sight', () => {
		const whole = (id: string, label: string) => {
			const event = timeline.events.find((e) => e.id === id)!;
			return label !== '' && (label === event.title || label === event.label);
		};
		const named = new Set([...scene.marks.filter((m) => whole(m.id, m.label)).map((m) => m.id), ...scene.spans.filter((s) => whole(s.id, s.label)).map((s) => s.id)]);
		for (const event of timeline.events.filter((e) => e.key)) expect(named.has(event.id), `${event.id} is named`).toBe(true);
		expect(named.size).toBeGreaterThanOrEqual(timeline.events.length / 2);
	});

	it('breaks the axis where whole years hold no event, between the two events either side', () => {
		const years = [...new Set(timeline.events.map((e) => new Date(e.time).getUTCFullYear()))].sort((a, b) => a - b);
		const gaps = years.slice(1).filter((year, i) => year - years[i]! >= 2);
		// Breaks closer than 14 px are drawn as one that names each gap.
		expect(scene.breaks.flatMap((b) => b.skipped.split(', ')).length).toBe(gaps.length);
		expect(scene.breaks[0]!.skipped.split(', ')[0]).toBe(`${years[0]! + 1}–${years[1]! - 1}`);
		for (let i = 1; i < scene.breaks.length; i++) expect(scene.breaks[i]!.x - scene.breaks[i - 1]!.x).toBeGreaterThanOrEqual(14);
	});
});

describe('a plot that fits its view (beside the story)', () => {
	const fitted = (range: [Date, Date]) => {
		const events = timeline.events;
		const base = createBaseScale('even', data.domain, events.map((event) => event.time), 560);
		return buildScene({
			events,
			eventsById: new Map(events.map((event) => [event.id, event])),
			eras: timeline.eras,
			base,
			transform: rangeTransform(base, range),
			width: 560,
			geometry: sceneGeometry(data, 560, 800, true),
			spanRows: data.spanRows,
			measure
		});
	};
	const whole = fitted([data.domain[0], data.domain[1]]);
	const october = fitted([new Date(Date.UTC(2025, 9, 1)), new Date(Date.UTC(2025, 9, 31))]);

	it('lanesInUse counts the lanes of the marks in view: the whole history uses more than October 2025', () => {
		const lanesOf = (scene: Scene) => new Set(scene.marks.filter((m) => m.x > 0 && m.x < scene.width).map((m) => m.lane));
		expect(whole.lanesInUse).toBe(Math.max(...lanesOf(whole)) + 1);
		expect(october.lanesInUse).toBe(Math.max(...lanesOf(october)) + 1);
		expect(october.lanesInUse).toBeLessThan(whole.lanesInUse);
		expect(whole.lanesInUse).toBeLessThanOrEqual(whole.geometry.lanes);
	});

	it('fitScene draws only the lanes in use: the plot is shorter, each mark as far above the axis as before', () => {
		const drawn = fitScene(october, october.lanesInUse);
		expect(drawn.height).toBe(october.height - (october.geometry.lanes - october.lanesInUse) * 30);
		for (const [i, mark] of drawn.marks.entries()) expect(drawn.geometry.axisTop - mark.y).toBe(october.geometry.axisTop - october.marks[i]!.y);
		for (const mark of drawn.marks.filter((m) => m.x > 0 && m.x < drawn.width)) expect(mark.y).toBeGreaterThanOrEqual(drawn.geometry.clusterTop + 30);
		for (const era of drawn.eras) expect(era.height).toBe(drawn.geometry.axisTop);
		expect(fitScene(october, october.geometry.lanes)).toBe(october);
	});
});

describe('clusterRange', () => {
	const on = (text: string) => timeline.events.filter((e) => e.date.text === text);
	it('clusterRange(the events of 17 January 2025) is null: no zoom separates one day, they open as a list', () => {
		expect(on('2025-01-17').length).toBeGreaterThan(1);
		expect(clusterRange(on('2025-01-17'))).toBeNull();
	});

	it('clusterRange(events from 2022 to 2025) spans them with 15 % either side', () => {
		const events = timeline.events.filter((e) => e.time >= Date.UTC(2022, 0, 1) && e.time < Date.UTC(2026, 0, 1) && !e.end);
		const from = events[0]!.date.start.getTime();
		const to = events.at(-1)!.date.end.getTime();
		const pad = (to - from) * 0.15;
		expect(clusterRange(events)?.map((d) => d.getTime())).toEqual([from - pad, to + pad]);
	});
});

describe('isInView', () => {
	it('a bar whose start is cut at the left edge is not in view (focusing it moves the view to its start)', () => {
		// 2013–2016 at 1200 px: the North–South corridor bar began in 2000, off the left edge.
		const scene = sceneOf({ width: 1200, range: [utc(2013), utc(2016)] });
		expect(scene.spans.find((s) => s.id === 'north-south-corridor')?.x).toBeLessThan(0);
		expect(isInView(scene, 'north-south-corridor')).toBe(false);
		const whole = sceneOf({ width: 1200 });
		expect(isInView(whole, 'north-south-corridor')).toBe(true);
	});
});
