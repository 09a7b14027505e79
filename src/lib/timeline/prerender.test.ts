import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dataPaths, loadTimeline } from '../server/data.ts';
import { PRERENDER_WIDTHS } from './prerender-bands.ts';
import { entryLink, eventPageLink, PRERENDER_MEASURE, prerenderPlot, shareOfWidth } from './prerender.ts';
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

describe('prerenderPlot on the full page', () => {
	it('draws each band at its width, with the lanes its height cap leaves', () => {
		for (const band of prerenderPlot(timeline, data, { aboveStory: true })) {
			expect(band.scene.width).toBe(band.width);
			expect(band.scene.height, band.key).toBe(sceneGeometry(data, band.width, band.maxHeight).height);
		}
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
