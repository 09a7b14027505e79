import { containing, data, expect, markOf, panel, plot, showOnTimeline, test, tickLabels, visibleRange } from './fixtures';
import { DAY, parseRange } from './expected';
import { settled } from './view';

const byId = (id: string) => {
	const event = data.events.find((e) => e.id === id);
	if (!event) throw new Error(`events.json has no event ${id}`);
	return event;
};

/** The events the brief names: 1991, 2013, February 2022 and the drones, 2023 BRICS, the treaty, October 2025. */
const BRIEF_EVENTS = [
	data.events.find((e) => e.date === '1991')!,
	data.events.find((e) => e.date.startsWith('2013'))!,
	data.events.find((e) => e.date === '2022-02')!,
	data.events.find((e) => /drone/i.test(e.title))!,
	data.events.find((e) => e.date.startsWith('2023') && /BRICS/.test(e.title))!,
	data.events.find((e) => e.date === '2025-01-17' && /sign/i.test(e.title))!,
	data.events.find((e) => e.date === '2025-10-23')!
];

test.beforeEach(async ({ page }) => {
	await page.goto('/');
	await expect(plot(page).locator('button[data-event-id]').first()).toBeVisible();
});

test('the first view spans 1991 to 2025 with year ticks', async ({ page }) => {
	const range = await visibleRange(page);
	expect(range).toMatch(/^(1990|1991) – (2025|2026)$/);
	const labels = await tickLabels(page);
	expect(labels.length).toBeGreaterThan(3);
	for (const label of labels) expect(label).toMatch(/^\d{4}$/);
});

test('every event in events.json is a button on the timeline named by its date and title', async ({ page }) => {
	test.setTimeout(90_000);
	expect(BRIEF_EVENTS.every(Boolean)).toBe(true);
	for (const event of data.events) {
		await showOnTimeline(page, event);
		const mark = markOf(page, event);
		await expect(mark, event.id).toBeVisible();
		await expect(mark).toHaveAccessibleName(containing(event.title));
		await expect(mark).toHaveAccessibleName(/^(approx\. )?[\w ]*\d{4}.*: /);
	}
});

for (const event of BRIEF_EVENTS) {
	test(`opening "${event?.title}" shows exactly its excerpts from events.json`, async ({ page }) => {
		await showOnTimeline(page, event);
		await panel(page).getByRole('button', { name: /Close/ }).click();
		await expect(panel(page)).toHaveCount(0);
		await markOf(page, event).click();
		await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(event.title);
		const quoted = await panel(page).locator('blockquote mark.quote').allInnerTexts();
		expect(quoted).toEqual(event.citations.map((c) => c.excerpt));
		// Each citation says who published it and links out only in a new tab.
		for (const link of await panel(page).getByRole('link').all()) {
			await expect(link).toHaveAttribute('target', '_blank');
			await expect(link).toHaveAttribute('rel', /noopener/);
			await expect(link).toHaveAttribute('href', /^https:\/\/.+#:~:text=/);
		}
		await expect(panel(page).locator('figcaption')).toHaveCount(event.citations.length);
	});
}

test('Zoom in, Zoom out and Reset change the visible range and the tick labels', async ({ page }) => {
	const first = await visibleRange(page);
	const firstTicks = await tickLabels(page);
	const zoomIn = page.getByRole('button', { name: 'Zoom in' });
	for (let i = 0; i < 6; i++) await zoomIn.click();
	await expect.poll(() => visibleRange(page)).not.toBe(first);
	await expect.poll(() => tickLabels(page)).not.toEqual(firstTicks);
	// Six steps of ×2 from 36 years is about half a year: the ticks are months now.
	await expect.poll(async () => (await tickLabels(page)).some((label) => /^[A-Z][a-z]{2}( \d{4})?$/.test(label))).toBe(true);
	const zoomed = await visibleRange(page);
	await page.getByRole('button', { name: 'Zoom out' }).click();
	await expect.poll(() => visibleRange(page)).not.toBe(zoomed);
	await page.getByRole('button', { name: 'Reset', exact: true }).click();
	await expect.poll(() => visibleRange(page)).toBe(first);
	await expect(page.getByRole('button', { name: 'Zoom out' })).toBeDisabled();
});

test('zooming all the way in reaches days, and stops at about a week', async ({ page }) => {
	const zoomIn = page.getByRole('button', { name: 'Zoom in' });
	// The buttons follow the view d3-zoom reports, so each press settles before the next is judged.
	while (await zoomIn.isEnabled()) {
		await zoomIn.click();
		await settled(page);
	}
	const days = async () => {
		const [from, to] = (await visibleRange(page)).split(' – ').map((text) => Date.parse(`${text} UTC`));
		return (to! - from!) / 86_400_000;
	};
	await expect.poll(days).toBeLessThanOrEqual(8);
	expect(await days()).toBeGreaterThanOrEqual(6);
	await expect.poll(async () => (await tickLabels(page)).every((label) => /^\d{1,2} [A-Z][a-z]{2}( \d{4})?$/.test(label))).toBe(true);
});

test('ctrl + wheel zooms at the pointer; a plain wheel scrolls the page instead', async ({ page }) => {
	const box = (await plot(page).boundingBox())!;
	const first = await visibleRange(page);
	const firstTicks = await tickLabels(page);
	await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2);
	await page.mouse.wheel(0, 400);
	await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
	expect(await visibleRange(page)).toBe(first);

	await page.evaluate(() => window.scrollTo(0, 0));
	const box2 = (await plot(page).boundingBox())!;
	await page.mouse.move(box2.x + box2.width * 0.8, box2.y + box2.height / 2);
	await page.keyboard.down('Control');
	for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -200);
	await page.keyboard.up('Control');
	await expect.poll(() => visibleRange(page)).not.toBe(first);
	await expect.poll(() => tickLabels(page)).not.toEqual(firstTicks);
	// Zoomed at the pointer (80 % across, about 2018): the view's end stays in the 2020s.
	const [from, to] = (await visibleRange(page)).split(' – ');
	expect(Number(from!.slice(-4))).toBeGreaterThan(2000);
	expect(Number(to!.slice(-4))).toBeGreaterThan(2015);
});

test('a touch pinch zooms and a drag pans', async ({ browser }) => {
	const context = await browser.newContext({ hasTouch: true, viewport: { width: 900, height: 900 } });
	const page = await context.newPage();
	await page.goto('/');
	await expect(plot(page).locator('button[data-event-id]').first()).toBeVisible();
	const box = (await plot(page).boundingBox())!;
	const first = await visibleRange(page);
	const firstTicks = await tickLabels(page);
	const cdp = await context.newCDPSession(page);
	const y = box.y + 40;
	const cx = box.x + box.width / 2;
	const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', spread: number) =>
		cdp.send('Input.dispatchTouchEvent', {
			type,
			touchPoints: type === 'touchEnd' ? [] : [{ x: cx - spread, y, id: 1 }, { x: cx + spread, y, id: 2 }]
		});
	await touch('touchStart', 20);
	for (let spread = 40; spread <= 200; spread += 40) await touch('touchMove', spread);
	await touch('touchEnd', 0);
	await expect.poll(() => visibleRange(page)).not.toBe(first);
	await expect.poll(() => tickLabels(page)).not.toEqual(firstTicks);
	const pinched = await visibleRange(page);

	// One finger dragged sideways pans.
	const drag = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number) =>
		cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1 }] });
	await drag('touchStart', cx);
	for (let dx = 40; dx <= 200; dx += 40) await drag('touchMove', cx - dx);
	await drag('touchEnd', 0);
	await expect.poll(() => visibleRange(page)).not.toBe(pinched);
	await context.close();
});

test('dragging with the mouse pans; double-clicking the background zooms in', async ({ page }) => {
	// Without animation, the range read after the double-click is the final one.
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.reload();
	await expect(plot(page).locator('button[data-event-id]').first()).toBeVisible();
	const first = await visibleRange(page);
	const box = (await plot(page).boundingBox())!;
	// An empty spot: about 2001, in the upper event lanes.
	const x = box.x + box.width * 0.3;
	const y = box.y + box.height - 120;
	await page.mouse.dblclick(x, y);
	await expect.poll(() => visibleRange(page)).not.toBe(first);
	const zoomed = await visibleRange(page);
	await page.mouse.move(x, y);
	await page.mouse.down();
	await page.mouse.move(x + 250, y, { steps: 8 });
	await page.mouse.up();
	await expect.poll(() => visibleRange(page)).not.toBe(zoomed);
	// Panning keeps the zoom: the span of years shown is unchanged.
	const years = (range: string) => range.split(' – ').map((part) => Number(part.slice(-4)));
	const [a0, a1] = years(zoomed);
	const [b0, b1] = years(await visibleRange(page));
	expect(Math.abs(b1! - b0! - (a1! - a0!))).toBeLessThanOrEqual(1);
	expect(b0!).toBeLessThan(a0!);
});

test('double-clicking zooms in no closer than a week and never out past the data; the buttons follow', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.reload();
	await expect(plot(page).locator('button[data-event-id]').first()).toBeVisible();
	const full = await visibleRange(page);
	const zoomOut = page.getByRole('button', { name: 'Zoom out', exact: true });
	const reset = page.getByRole('button', { name: 'Reset', exact: true });
	const box = (await plot(page).boundingBox())!;
	const x = box.x + box.width * 0.3;
	const y = box.y + box.height - 120;
	const shiftDoubleClick = async () => {
		await page.keyboard.down('Shift');
		await page.mouse.dblclick(x, y);
		await page.keyboard.up('Shift');
		// Reduced motion: the zoom lands in the next frames; let two pass before reading.
		await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
	};

	// Shift + double-click at the whole view: nothing to zoom out to.
	await shiftDoubleClick();
	expect(await visibleRange(page)).toBe(full);
	await expect(zoomOut).toBeDisabled();

	// Each double-click halves the span, until the closest zoom (a week, README) and no further.
	let previous = full;
	const spans: number[] = [];
	for (let i = 0; i < 14; i++) {
		await page.mouse.dblclick(x, y);
		if (i < 10) await expect.poll(() => visibleRange(page)).not.toBe(previous);
		previous = await visibleRange(page);
		const [from, to] = parseRange(previous);
		spans.push(to - from);
		await expect(zoomOut).toBeEnabled();
		await expect(reset).toBeEnabled();
	}
	// The range text names whole days, so a week reads as 7 or 8 days.
	expect(Math.min(...spans)).toBeGreaterThanOrEqual(7 * DAY);
	expect(spans.at(-1)!).toBeLessThanOrEqual(9 * DAY);

	// Shift + double-click zooms back out; Reset returns to the whole view, and no further.
	await shiftDoubleClick();
	await expect.poll(() => visibleRange(page)).not.toBe(previous);
	await reset.click();
	await expect.poll(() => visibleRange(page)).toBe(full);
	for (let i = 0; i < 3; i++) await shiftDoubleClick();
	expect(await visibleRange(page)).toBe(full);
	await expect(zoomOut).toBeDisabled();
});

test('keyboard only: Tab to an event, Enter opens it, Esc closes it and focus returns', async ({ page }) => {
	let id: string | null = null;
	for (let i = 0; i < 40 && !id; i++) {
		await page.keyboard.press('Tab');
		id = await page.evaluate(() => document.activeElement?.getAttribute('data-event-id') ?? null);
	}
	expect(id, 'an event mark is reachable with Tab').not.toBeNull();
	await page.keyboard.press('Enter');
	await expect(panel(page)).toBeVisible();
	await expect(page.locator('#details-title')).toBeFocused();
	await expect(page.locator('#details-title')).toHaveText(byId(id!).title);
	await page.keyboard.press('Escape');
	await expect(panel(page)).toHaveCount(0);
	await expect(plot(page).locator(`button[data-event-id="${id}"]`)).toBeFocused();

	// Close works the same way.
	await page.keyboard.press('Enter');
	await panel(page).getByRole('button', { name: /Close/ }).click();
	await expect(plot(page).locator(`button[data-event-id="${id}"]`)).toBeFocused();
});

test('a cluster of events opens on click', async ({ page }) => {
	const cluster = plot(page).locator('button.cluster').first();
	await expect(cluster).toHaveAccessibleName(/^\d+ more events?, /);
	const first = await visibleRange(page);
	await cluster.click();
	await expect.poll(() => visibleRange(page)).not.toBe(first);
});
