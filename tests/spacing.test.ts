/**
 * Even spacing (the default) and the time scale, through every feature: where marks are drawn,
 * the switch and the URL, zoom buttons and keys, filters, the story, the overview, the embed. The
 * positions expected are the README's rule computed here: each distinct event time gets an equal
 * slot across the plot, its events at the slot's centre, the domain's ends at the plot's edges and
 * any other date on the straight line between its two neighbouring stops.
 */
import type { Page } from '@playwright/test';
import { data, expect, markOf, plot, test } from './fixtures';
import { EVENTS, period, STORY_ORDER } from './expected';
import { bringToReadingLine, drawnView, plotArea, settled } from './view';

/** Where the axis puts an event: a span at its start, any other at the middle of its period. */
const axisTime = (event: { date: string; end?: string }) => {
	const [start, end] = period(event.date);
	return event.end ? start : (start + end) / 2;
};

/** The domain (README): 1 January of the first year to the end of the last, padded 2.5 % each side. */
function domain(): [number, number] {
	const years = [...EVENTS.flatMap((e) => [e.date, e.end ?? e.date]), ...(data as unknown as { eras: { start: string; end: string }[] }).eras.flatMap((era) => [era.start, era.end])].map((text) =>
		Number(text.slice(0, 4))
	);
	const start = Date.UTC(Math.min(...years), 0, 1);
	const end = Date.UTC(Math.max(...years) + 1, 0, 1);
	const pad = (end - start) * 0.025;
	return [start - pad, end + pad];
}

/** The evenly spaced base scale of `events` across `width` px, and its inverse. */
function evenScale(events: readonly { date: string; end?: string }[], width: number) {
	const [d0, d1] = domain();
	const stops = [...new Set(events.map(axisTime))].sort((a, b) => a - b);
	const slot = width / stops.length;
	const points: [number, number][] = [[d0, 0], ...stops.map((t, i): [number, number] => [t, (i + 0.5) * slot]), [d1, width]];
	const x = (time: number) => {
		const i = Math.max(1, points.findIndex(([t]) => t >= time));
		const [t0, x0] = points[i - 1]!;
		const [t1, x1] = points[i]!;
		return x0 + ((time - t0) / (t1 - t0)) * (x1 - x0);
	};
	const invert = (px: number) => {
		const i = Math.max(1, points.findIndex(([, p]) => p >= px));
		const [t0, x0] = points[i - 1]!;
		const [t1, x1] = points[i]!;
		return t0 + ((px - x0) / (x1 - x0)) * (t1 - t0);
	};
	return { x, invert, slot };
}

/** Each drawn mark's glyph centre, from the plot's left edge (px). */
async function markCentres(page: Page): Promise<Map<string, number>> {
	const area = await plotArea(page);
	const centres = await plot(page)
		.locator('button[data-event-id] .glyph')
		.evaluateAll((glyphs) =>
			glyphs.map((glyph) => {
				const box = glyph.getBoundingClientRect();
				return [glyph.closest<HTMLElement>('[data-event-id]')!.dataset.eventId!, box.left + box.width / 2] as const;
			})
		);
	return new Map(centres.map(([id, x]) => [id, x - area.left]));
}

async function load(page: Page, path: string) {
	await page.goto(path);
	await expect(plot(page).locator('button[data-event-id]').first()).toBeVisible();
	await settled(page);
}

const dayText = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const urlParam = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

test('by default each distinct event time gets an equal slot: every mark is at its slot’s centre', async ({ page }) => {
	await load(page, '/');
	await expect(page.getByRole('radio', { name: 'Even spacing' })).toBeChecked();
	const { width } = await plotArea(page);
	const scale = evenScale(EVENTS, width);
	const centres = await markCentres(page);
	expect(centres.size).toBeGreaterThan(10);
	for (const [id, x] of centres) expect(x, id).toBeCloseTo(scale.x(axisTime(EVENTS.find((e) => e.id === id)!)), 0);
	// The axis still shows real dates: a year tick at the start of the year of the first event.
	const first = STORY_ORDER[0]!;
	await expect(plot(page).locator(`.tick[data-time="${new Date(Date.UTC(Number(first.date.slice(0, 4)), 0, 1)).toISOString()}"]`)).toHaveCount(1);
	// A break on the axis for each stretch of whole years without events (drawn apart or merged).
	const years = [...new Set(EVENTS.map((e) => new Date(axisTime(e)).getUTCFullYear()))].sort((a, b) => a - b);
	const gaps = years.slice(1).filter((year, i) => year - years[i]! >= 2).length;
	const skipped = await plot(page).locator('.axis .break').evaluateAll((breaks) => breaks.flatMap((b) => (b as HTMLElement).dataset.skipped!.split(', ')));
	expect(skipped.length).toBe(gaps);
});

test('the switch moves to the time scale and back, keeping the dates in view, and the URL says so', async ({ page }) => {
	await load(page, '/');
	await page.getByRole('radio', { name: 'Time scale' }).check();
	await expect.poll(() => urlParam(page, 'spacing')).toBe('time');
	await settled(page);
	// On the time scale distance is time: the marks lie on the straight line the axis ticks give.
	const view = await drawnView(page);
	const centres = await markCentres(page);
	for (const [id, x] of centres) expect(x, id).toBeCloseTo((axisTime(EVENTS.find((e) => e.id === id)!) - view.from) / view.msPerPx, 0);
	const [d0, d1] = domain();
	expect(Math.abs(view.from - d0) / view.msPerPx).toBeLessThan(1);
	expect(Math.abs(view.to - d1) / view.msPerPx).toBeLessThan(1);
	// Back: the default is not written.
	await page.getByRole('radio', { name: 'Even spacing' }).check();
	await expect.poll(() => urlParam(page, 'spacing')).toBeNull();
	await expect(page.getByRole('radio', { name: 'Even spacing' })).toBeChecked();
});

for (const [query, checked] of [
	['?spacing=time', 'Time scale'],
	['?spacing=even', 'Even spacing'],
	['?spacing=bogus', 'Even spacing'],
	['?spacing=', 'Even spacing']
] as const) {
	test(`a link with ${query} opens with “${checked}”`, async ({ page }) => {
		await load(page, `/${query}`);
		await expect(page.getByRole('radio', { name: checked })).toBeChecked();
	});
}

test('Zoom in doubles the scale about the centre of the evenly spaced axis; from/to name the days at the edges', async ({ page }) => {
	await load(page, '/');
	const { width } = await plotArea(page);
	const scale = evenScale(EVENTS, width);
	await page.getByRole('button', { name: 'Zoom in' }).click();
	await settled(page);
	// ×2 about the centre: the edges show what was at ¼ and ¾ of the width.
	await expect.poll(() => urlParam(page, 'from')).toBe(dayText(scale.invert(width / 4)));
	expect(urlParam(page, 'to')).toBe(dayText(scale.invert((3 * width) / 4) - 1));
	const centres = await markCentres(page);
	for (const [id, x] of centres) expect(x, id).toBeCloseTo(2 * scale.x(axisTime(EVENTS.find((e) => e.id === id)!)) - width / 2, 0);
});

test('the closest zoom shows about three events’ slots, by the buttons and by the keys', async ({ page }) => {
	await load(page, '/');
	const zoomIn = page.getByRole('button', { name: 'Zoom in' });
	for (let i = 0; i < 12 && (await zoomIn.isEnabled()); i++) {
		await zoomIn.click();
		await settled(page);
	}
	await expect(zoomIn).toBeDisabled();
	const { width } = await plotArea(page);
	const slot = evenScale(EVENTS, width).slot;
	// The view's width in base pixels is three slots: the marks drawn are 1/3 of the width apart per slot.
	const xs = [...new Set([...(await markCentres(page)).values()].map((x) => Math.round(x)))].sort((a, b) => a - b);
	const steps = xs.slice(1).map((x, i) => x - xs[i]!);
	for (const step of steps) expect(step).toBeCloseTo(width / 3, -1);
	expect(slot).toBeGreaterThan(0);
	// 0 resets to the whole range, from a focused mark.
	await plot(page).locator('button[data-event-id]').first().focus();
	await page.keyboard.press('0');
	await settled(page);
	await expect.poll(() => urlParam(page, 'from')).toBeNull();
});

test('End focuses the last event and the evenly spaced view comes to it', async ({ page }) => {
	await load(page, '/');
	await plot(page).locator('button[data-event-id]').first().focus();
	await page.keyboard.press('+');
	await settled(page);
	await page.keyboard.press('End');
	await settled(page);
	const last = STORY_ORDER.at(-1)!;
	await expect(markOf(page, last)).toBeFocused();
	const x = (await markCentres(page)).get(last.id)!;
	const { width } = await plotArea(page);
	expect(x).toBeGreaterThanOrEqual(0);
	expect(x).toBeLessThanOrEqual(width);
});

test('a filter spaces the shown events again: one slot per distinct time of the events it keeps', async ({ page }) => {
	await load(page, '/?themes=nuclear-energy,multilateral');
	const shown = EVENTS.filter((e) => e.themes.some((theme) => theme === 'nuclear-energy' || theme === 'multilateral'));
	const { width } = await plotArea(page);
	const scale = evenScale(shown, width);
	const centres = await markCentres(page);
	expect([...centres.keys()].sort()).toEqual(shown.filter((e) => !e.end).map((e) => e.id).sort());
	for (const [id, x] of centres) expect(x, id).toBeCloseTo(scale.x(axisTime(shown.find((e) => e.id === id)!)), 0);
});

test('the overview strip’s brush covers the visible range on the evenly spaced whole-range scale', async ({ page }) => {
	await load(page, '/?from=2024-06-01&to=2025-02-28');
	const overview = page.getByTestId('overview');
	const brush = overview.locator('.brush');
	const [strip, box] = await Promise.all([overview.boundingBox(), brush.boundingBox()]);
	const scale = evenScale(EVENTS, strip!.width);
	// The view shows the asked range centred (it is wider than the closest zoom): its ends on the strip.
	expect(box!.x - strip!.x).toBeCloseTo(scale.x(Date.UTC(2024, 5, 1)), -0.5);
	expect(box!.x + box!.width - strip!.x).toBeCloseTo(scale.x(Date.UTC(2025, 2, 1)), -0.5);
});

test('the story moves the evenly spaced axis to the step being read', async ({ page }) => {
	await load(page, '/');
	const step = STORY_ORDER.find((e) => e.id === 'treaty-signed')!;
	await bringToReadingLine(page, step.id);
	await expect(markOf(page, step)).toHaveClass(/\bcurrent\b/);
	await settled(page);
	const x = (await markCentres(page)).get(step.id)!;
	const { width } = await plotArea(page);
	expect(x).toBeGreaterThan(0);
	expect(x).toBeLessThan(width);
	// Zoomed in from the whole range: the URL names a range.
	await expect.poll(() => urlParam(page, 'from')).not.toBeNull();
});

test('the embed keeps the spacing of its link, and the Embed dialog writes the page’s', async ({ page }) => {
	await load(page, '/embed?spacing=time');
	await expect(page.getByRole('radio', { name: 'Time scale' })).toBeChecked();
	await load(page, '/?spacing=time');
	await page.getByRole('button', { name: 'Embed' }).click();
	await expect(page.getByLabel('Embed code')).toHaveValue(/\/embed\?spacing=time"/);
});
