import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dataPaths, loadTimeline } from '../server/data.ts';
import { MIN_LANES, WIDE_WIDTH } from './geometry.ts';
import { bandSelectionCss, entryLink, eventPageLink, PRERENDER_MEASURE, PRERENDER_WIDTHS, prerenderBands, prerenderPlot, shareOfWidth, type BandSpec, type Extent } from './prerender.ts';
import { sceneData, sceneGeometry } from './scene.ts';
import { STORY_MAX, STORY_PAGE } from './story-window.ts';

const timeline = loadTimeline(dataPaths(fileURLToPath(new URL('../../../', import.meta.url))));
const data = sceneData(timeline);
const bands = prerenderPlot(timeline, data);

describe('prerenderPlot (the real events.json)', () => {
	it('covers every width once: ranges from 0 with no gap or overlap, each laid out at its start', () => {
		expect(bands[0]!.from).toBe(0);
		expect(bands.at(-1)!.to).toBeNull();
		for (const [i, band] of bands.entries()) {
			if (i > 0) expect(band.from).toBe(bands[i - 1]!.to);
			expect(band.scene.width).toBe(PRERENDER_WIDTHS[i]);
		}
	});

	it('is as tall as the live plot at every width of its range, so the live plot takes its place without moving the page', () => {
		for (const band of bands) {
			const last = band.to ?? 2400;
			for (let width = Math.max(1, band.from); width < last; width += 7) {
				// The embed's live plot: every lane its width gets (no screen-height cap).
				expect(sceneGeometry(data, width).height, `${width} px`).toBe(band.scene.height);
			}
		}
	});

	it('draws every event at least once in the wide layout: as a mark, a bar or in a "+N" cluster', () => {
		const { marks, spans, clusters } = bands.at(-1)!.scene;
		// The clusters keep only their first id: the count in each pill's text says how many it folds.
		const folded = clusters.reduce((sum, cluster) => sum + Number(cluster.text.replace(/\D/g, '')), 0);
		const drawn = new Set([...marks.map((mark) => mark.id), ...spans.map((span) => span.id)]);
		expect(drawn.size + folded).toBe(timeline.events.length);
		for (const cluster of clusters) expect(cluster.ids).toHaveLength(1);
	});

	it('keeps marks inside the plot, and their labels within the room the fallback measure gives them', () => {
		for (const { scene } of bands) {
			for (const mark of scene.marks) {
				expect(mark.x).toBeGreaterThanOrEqual(0);
				expect(mark.x).toBeLessThanOrEqual(scene.width);
				if (mark.labelSide === 'right') expect(mark.x + 12 + PRERENDER_MEASURE(mark.label)).toBeLessThanOrEqual(scene.width + 1);
				else expect(mark.x - 12 - PRERENDER_MEASURE(mark.label)).toBeGreaterThanOrEqual(-1);
			}
		}
	});

	it('draws the default view: nothing selected or current', () => {
		for (const { scene } of bands) {
			expect(scene.period).toBeNull();
			expect(scene.marks.some((mark) => mark.selected || mark.current)).toBe(false);
		}
	});
});

describe('prerenderPlot on the full page (the plot above the story on narrow screens)', () => {
	const page = prerenderPlot(timeline, data, { aboveStory: true });
	const within = (value: number, { min, max }: Extent) => value >= min && (max === null || value < max);
	const shownOn = <Band extends BandSpec>(bands: readonly Band[], plotWidth: number, screenWidth: number, screenHeight: number, scripting: 'enabled' | 'none' = 'enabled') =>
		bands.filter(
			(band) =>
				within(plotWidth, { min: band.from, max: band.to }) &&
				band.screens.some((screen) => within(screenWidth, screen.width) && within(screenHeight, screen.height) && (screen.scripting ?? scripting) === scripting)
		);

	/**
	 * The live plot's height, worked out here as the README describes the page: above the story the
	 * plot and the overview strip (32 px) stick within 40 % of the screen's height, with 12 px of
	 * padding, if the plot's one-lane form fits that; else they scroll away within 80 % of it.
	 * From 960 px the first view is drawn with every lane its width gets, as in an embed (where a
	 * screen is too short for them, the live first view gives up lanes: README, Story layout).
	 */
	const liveHeight = (plotWidth: number, screenWidth: number, screenHeight: number) => {
		if (screenWidth >= 960) return sceneGeometry(data, plotWidth).height;
		const oneLane = sceneGeometry(data, plotWidth, 0).height;
		const share = oneLane + 32 + 12 <= screenHeight * 0.4 ? 0.4 : 0.8;
		return sceneGeometry(data, plotWidth, screenHeight * share - 32 - 12).height;
	};

	it('draws exactly one layout for every plot width and screen, as tall as the live plot there', () => {
		for (let screenHeight = 200; screenHeight <= 2000; screenHeight += 11) {
			for (const screenWidth of [320, 360, 414, 599, 600, 768, 959, 960, 1280, 1920]) {
				// The plot is narrower than the screen by the page's margins, whatever they are.
				for (const plotWidth of [screenWidth - 64, screenWidth - 16]) {
					const shown = shownOn(page, plotWidth, screenWidth, screenHeight);
					const where = `plot ${plotWidth} px on a ${screenWidth} × ${screenHeight} screen`;
					expect(shown, where).toHaveLength(1);
					expect(shown[0]!.scene.height, where).toBe(liveHeight(plotWidth, screenWidth, screenHeight));
					// Without a script the plot scrolls with the page: every lane, as in an embed.
					const unscripted = shownOn(page, plotWidth, screenWidth, screenHeight, 'none');
					expect(unscripted, `${where}, no script`).toHaveLength(1);
					expect(unscripted[0]!.scene.height, `${where}, no script`).toBe(sceneGeometry(data, plotWidth).height);
				}
			}
		}
	});

	it('has a layout for each lane count a narrow screen gives, and the embed’s on wide screens', () => {
		const lanes = (band: BandSpec) => sceneGeometry(data, band.width, band.maxHeight).lanes;
		const narrowest = page.filter((band) => band.width === PRERENDER_WIDTHS[0]).map(lanes);
		expect(narrowest).toEqual(Array.from({ length: narrowest.length }, (_, i) => MIN_LANES + i));
		const wide = page.filter((band) => band.width >= WIDE_WIDTH);
		expect(wide.map((band) => band.scene)).toEqual(bands.filter((band) => band.width >= WIDE_WIDTH).map((band) => band.scene));
		expect(new Set(page.map((band) => band.key)).size, 'keys name one band each').toBe(page.length);
	});
});

describe('bandSelectionCss', () => {
	const css = bandSelectionCss(prerenderBands(data, { aboveStory: true }));
	it('hides every band, then shows one per plot width (container query) and screen (media query)', () => {
		const lines = css.split('\n');
		expect(lines[0]).toBe('.plot .band { position: relative; display: none; }');
		expect(lines).toContain('@container (min-width: 960px) { .plot .band[data-band="page-960"] { display: block; } }');
		expect(lines).toContain('@container (max-width: 599.98px) { @media (min-width: 960px) { .plot .band[data-band="page-300-4"] { display: block; } } }');
		expect(lines).toContain('@container (max-width: 599.98px) { @media (max-width: 959.98px) and (scripting: none) { .plot .band[data-band="page-300-4"] { display: block; } } }');
		expect(lines.filter((line) => line.includes('"page-300-1"'))[0]).toMatch(
			/^@container \(max-width: 599\.98px\) \{ @media \(max-width: 959\.98px\) and \(max-height: \d+\.98px\) and \(scripting: enabled\) \{/
		);
	});
	it('has one rule for each screen range of each band', () => {
		const specs = prerenderBands(data, { aboveStory: false });
		expect(bandSelectionCss(specs).split('\n')).toHaveLength(1 + specs.length);
	});
});

describe('shareOfWidth', () => {
	it('writes a position as a share of the plot’s width, in per cent', () => {
		expect(shareOfWidth(600)(150)).toBe('25%');
		expect(shareOfWidth(300)(100)).toBe('33.3333%');
		expect(shareOfWidth(960)(-4)).toBe('-0.4167%');
		expect(shareOfWidth(960).relative).toBe(true);
	});
});

describe('entryLink', () => {
	const events = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `e${i}` }));
	it('links to the step on the page when the whole story is prerendered', () => {
		const link = entryLink(events(STORY_MAX));
		expect(link('e0')).toBe('#event-e0');
		expect(link(`e${STORY_MAX - 1}`)).toBe(`#event-e${STORY_MAX - 1}`);
		expect(entryLink(events(3), './')('e2')).toBe('./#event-e2');
	});
	it('links beyond a long story’s prerendered first page to the page opening the event', () => {
		const link = entryLink([...events(STORY_MAX + 1), { id: 'a b&c' }], './');
		expect(link(`e${STORY_PAGE - 1}`)).toBe(`./#event-e${STORY_PAGE - 1}`);
		expect(link(`e${STORY_PAGE}`)).toBe(`./?event=e${STORY_PAGE}`);
		expect(link('a b&c')).toBe('./?event=a%20b%26c');
	});
});

describe('eventPageLink', () => {
	const events = [{ id: 'e0' }, { id: 'e1' }, { id: 'a b&c' }, { id: 'e3' }];
	it('links every event to its own page when each has one', () => {
		const link = eventPageLink(events, 1, './');
		expect(events.map((event) => link(event.id))).toEqual(['./events/e0', './events/e1', './events/a%20b%26c', './events/e3']);
	});
	it('links an event the build made no page for to its step in the full page’s story', () => {
		const link = eventPageLink(events, 2, './');
		expect(events.map((event) => link(event.id))).toEqual(['./events/e0', './#event-e1', './events/a%20b%26c', './#event-e3']);
	});
});
