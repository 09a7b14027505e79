import { containing, data, expect, markOf, panel, plot, showOnTimeline, test, tickLabels, visibleRange } from './fixtures';
import type { Page } from '@playwright/test';
import { DAY } from './expected';
import { CLOSEST_SPAN, ctrlWheelFactor, drawnView, frames, expectView, expectViewNow, mouseDrag, panned, plotArea, settled, zoomedAbout, zoomedAboutCentre, type Range } from './view';

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

// The view's arithmetic below is the time scale's (spacing.test.ts covers even spacing).
test.beforeEach(async ({ page }) => {
	await page.goto('/?spacing=time');
	await expect(plot(page).locator('button[data-event-id]').first()).toBeVisible();
});

test('the first view on the time scale spans 1991 to 2025 with year ticks', async ({ page }) => {
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
		await expect(panel(page).locator(':is(h2, h3)#details-title')).toHaveText(event.title);
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

test('at rest the plot says it is settled (data-settled), at the first view too', async ({ page }) => {
	// The first view is drawn without animation: nothing is under way once it is on screen.
	await frames(page, 2);
	await expect(page.locator('.plot'), 'at the first view, before any zoom').toHaveAttribute('data-settled', 'true');
	// And after a zoom has come and gone.
	await page.getByRole('button', { name: 'Zoom in' }).click();
	await expect(page.locator('.plot'), 'after Zoom in').toHaveAttribute('data-settled', 'true');
	await page.getByRole('button', { name: 'Reset', exact: true }).click();
	await expect(page.locator('.plot'), 'after Reset').toHaveAttribute('data-settled', 'true');
});

test('Zoom in, Zoom out and Reset: ×2 and ×½ about the centre, and back to the whole range', async ({ page }) => {
	// The whole range: the first view without URL parameters.
	await settled(page);
	const full = await drawnView(page);
	const first = await visibleRange(page);
	const firstTicks = await tickLabels(page);
	const zoomIn = page.getByRole('button', { name: 'Zoom in' });
	let expected: Range = full;
	for (let i = 0; i < 6; i++) {
		await zoomIn.click();
		expected = zoomedAboutCentre(expected, 2, full.width, full);
	}
	// Quick clicks add up: six of them are ×64, not less.
	await expectView(page, expected, { message: '6 × Zoom in from the whole range' });
	expect(await tickLabels(page)).not.toEqual(firstTicks);
	// Six steps of ×2 from 36 years is about half a year: the ticks are months now.
	expect((await tickLabels(page)).some((label) => /^[A-Z][a-z]{2}( \d{4})?$/.test(label))).toBe(true);
	await page.getByRole('button', { name: 'Zoom out' }).click();
	expected = zoomedAboutCentre(expected, 1 / 2, full.width, full);
	await expectView(page, expected, { message: 'Zoom out' });
	await page.getByRole('button', { name: 'Reset', exact: true }).click();
	await expectView(page, full, { message: 'Reset' });
	await expect(page.getByTestId('visible-range')).toHaveText(first);
	await expect(page.getByRole('button', { name: 'Zoom out' })).toBeDisabled();
});

test('zooming all the way in reaches days, and stops at a week', async ({ page }) => {
	await settled(page);
	const full = await drawnView(page);
	// The steps of ×2 about the centre until the span is a week (the last step is cut short to a week).
	let expected: Range = full;
	let steps = 0;
	while (expected.to - expected.from > CLOSEST_SPAN) {
		expected = zoomedAboutCentre(expected, 2, full.width, full);
		steps++;
	}
	const zoomIn = page.getByRole('button', { name: 'Zoom in' });
	let clicks = 0;
	// The buttons follow the view d3-zoom reports, so each press settles before the next is judged.
	while (await zoomIn.isEnabled()) {
		await zoomIn.click();
		await settled(page);
		clicks++;
	}
	expect(clicks, 'clicks until Zoom in is disabled').toBe(steps);
	await expectView(page, expected, { message: 'the closest zoom' });
	expect(expected.to - expected.from).toBe(CLOSEST_SPAN);
	expect((await tickLabels(page)).every((label) => /^\d{1,2} [A-Z][a-z]{2}( \d{4})?$/.test(label))).toBe(true);
});

/** Counts the events of a type the page (window, capture phase) receives, to know input has arrived. */
async function countEvents(page: Page, type: string): Promise<() => Promise<number>> {
	await page.evaluate((type) => {
		const w = window as unknown as Record<string, number>;
		w[`count:${type}`] = 0;
		addEventListener(type, () => w[`count:${type}`]!++, { capture: true, passive: true });
	}, type);
	return () => page.evaluate((type) => (window as unknown as Record<string, number>)[`count:${type}`]!, type);
}

test('ctrl + wheel zooms at the pointer by d3-zoom’s factor; a plain wheel scrolls the page instead', async ({ page }) => {
	await settled(page);
	const full = await drawnView(page);
	const first = await visibleRange(page);
	const area = await plotArea(page);
	// A whole pixel 80 % across (about 2018), so the pointer's x in the plot is exact.
	const mouseX = Math.round(area.left + area.width * 0.8);
	await page.mouse.move(mouseX, area.top + area.height / 2);
	await page.mouse.wheel(0, 400);
	// The wheel was the page's: it scrolled. Then, settled, the view is as it was.
	await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
	await settled(page);
	await expectViewNow(page, full, { tolerancePx: 0.01, message: 'after a plain wheel' });
	expect(await visibleRange(page)).toBe(first);

	await page.evaluate(() => window.scrollTo(0, 0));
	const area2 = await plotArea(page);
	const x = Math.round(area2.left + area2.width * 0.8);
	await page.mouse.move(x, Math.round(area2.top + area2.height / 2));
	// Record the wheel events as the page gets them: pixel mode, with ctrl, the deltas sent.
	await page.evaluate(() => {
		const w = window as unknown as { wheels: { deltaY: number; deltaMode: number; ctrlKey: boolean }[] };
		w.wheels = [];
		addEventListener('wheel', (e) => w.wheels.push({ deltaY: e.deltaY, deltaMode: e.deltaMode, ctrlKey: e.ctrlKey }), { capture: true, passive: true });
	});
	const DELTAS = [-50, -50, -50];
	await page.keyboard.down('Control');
	for (const deltaY of DELTAS) await page.mouse.wheel(0, deltaY);
	await page.keyboard.up('Control');
	await expect
		.poll(() => page.evaluate(() => (window as unknown as { wheels: unknown[] }).wheels))
		.toEqual(DELTAS.map((deltaY) => ({ deltaY, deltaMode: 0, ctrlKey: true })));
	// One gesture: the instant first under the pointer stays there while the factors multiply.
	const factor = DELTAS.reduce((k, deltaY) => k * ctrlWheelFactor(deltaY), 1);
	expect(factor).toBe(8);
	await expectView(page, zoomedAbout(full, factor, x - area2.left, full.width, full), { message: `ctrl + wheel ×${factor} at x = ${x - area2.left}px` });
});

test.describe('on a touch screen', () => {
	test.use({ hasTouch: true, viewport: { width: 900, height: 900 } });

	test('a touch pinch zooms about its midpoint and a one-finger drag pans', async ({ page }) => {
		await settled(page);
		const full = await drawnView(page);
		const area = await plotArea(page);
		const cdp = await page.context().newCDPSession(page);
		const y = Math.round(area.top + 40);
		const cx = Math.round(area.left + area.width / 2);
		const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', spread: number) =>
			cdp.send('Input.dispatchTouchEvent', {
				type,
				touchPoints: type === 'touchEnd' ? [] : [{ x: cx - spread, y, id: 1 }, { x: cx + spread, y, id: 2 }]
			});
		// The fingers from 40 px apart to 400 px apart: ×10, about their midpoint, which stays at cx.
		await touch('touchStart', 20);
		for (let spread = 40; spread <= 200; spread += 40) await touch('touchMove', spread);
		await touch('touchEnd', 0);
		const pinched = zoomedAbout(full, 400 / 40, cx - area.left, full.width, full);
		await expectView(page, pinched, { message: 'pinch ×10 about the midpoint' });

		// One finger dragged 200 px to the left pans: what was under it follows it.
		const drag = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number) =>
			cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1 }] });
		await drag('touchStart', cx);
		for (let dx = 40; dx <= 200; dx += 40) await drag('touchMove', cx - dx);
		await drag('touchEnd', 0);
		await expectView(page, panned(pinched, -200, full.width, full), { message: 'one-finger drag of −200 px' });
	});
});

test.describe('with reduced motion (the view after each gesture is final at once)', () => {
	test.use({ reducedMotion: 'reduce' });

	test('dragging with the mouse pans by the drag; double-clicking the background zooms ×2 about the pointer', async ({ page }) => {
		await settled(page);
		const full = await drawnView(page);
		const area = await plotArea(page);
		// An empty spot: about 2001, in the upper event lanes.
		const x = Math.round(area.left + area.width * 0.3);
		const y = Math.round(area.top + area.height - 120);
		await page.mouse.dblclick(x, y);
		const zoomed = zoomedAbout(full, 2, x - area.left, full.width, full);
		await expectView(page, zoomed, { message: 'double-click' });
		await mouseDrag(page, { x, y }, 250, 8);
		await expectView(page, panned(zoomed, 250, full.width, full), { message: 'drag of +250 px' });
	});

	test('double-clicking zooms ×2 about the pointer down to a week, shift ×½ never out past the data; the buttons follow', async ({ page }) => {
		await settled(page);
		const full = await drawnView(page);
		const fullText = await visibleRange(page);
		const zoomOut = page.getByRole('button', { name: 'Zoom out', exact: true });
		const reset = page.getByRole('button', { name: 'Reset', exact: true });
		const area = await plotArea(page);
		const x = Math.round(area.left + area.width * 0.3);
		const y = Math.round(area.top + area.height - 120);
		const px = x - area.left;
		const dblclicks = await countEvents(page, 'dblclick');
		let sent = 0;
		/** Double-clicks (with shift: out), and waits until the page has had the dblclick and settled. */
		const doubleClick = async (shift: boolean) => {
			if (shift) await page.keyboard.down('Shift');
			await page.mouse.dblclick(x, y);
			if (shift) await page.keyboard.up('Shift');
			sent++;
			await expect.poll(dblclicks).toBe(sent);
			await settled(page);
		};

		// Shift + double-click at the whole view: nothing to zoom out to. Exactly the whole range.
		await doubleClick(true);
		await expectViewNow(page, full, { tolerancePx: 0, message: 'shift + double-click at the whole view' });
		expect(await visibleRange(page)).toBe(fullText);
		await expect(zoomOut).toBeDisabled();
		await expect(reset).toBeDisabled();

		// Each double-click halves the span about the pointer, until the closest zoom (a week) and no further.
		let expected: Range = full;
		for (let i = 0; i < 14; i++) {
			await doubleClick(false);
			expected = zoomedAbout(expected, 2, px, full.width, full);
			await expectView(page, expected, { message: `double-click ${i + 1}` });
			await expect(zoomOut).toBeEnabled();
			await expect(reset).toBeEnabled();
		}
		expect(expected.to - expected.from, 'the data reach the closest zoom within 14 double-clicks').toBe(CLOSEST_SPAN);

		// Shift + double-click zooms back out ×½ about the pointer; Reset returns to the whole view, and no further.
		await doubleClick(true);
		await expectView(page, zoomedAbout(expected, 1 / 2, px, full.width, full), { message: 'shift + double-click' });
		await reset.click();
		await expectView(page, full, { message: 'Reset' });
		for (let i = 0; i < 3; i++) {
			await doubleClick(true);
			await expectViewNow(page, full, { tolerancePx: 0, message: `shift + double-click ${i + 1} at the whole view` });
		}
		expect(await visibleRange(page)).toBe(fullText);
		await expect(zoomOut).toBeDisabled();
		await expect(reset).toBeDisabled();
	});
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

test('a cluster of events opens on click by zooming to its events', async ({ page }) => {
	// 700 px wide: 2022–2025 fold into clusters on the time scale (at 1280 px its lanes hold them all).
	await page.setViewportSize({ width: 700, height: 800 });
	const cluster = plot(page).locator('button.cluster').first();
	await expect(cluster).toHaveAccessibleName(/^\d+ more events?, /);
	await settled(page);
	const before = await drawnView(page);
	// Its name gives the first and last event's dates: "3 more events, 2013 – 17 January 2025".
	const when = (await cluster.getAttribute('aria-label'))!.replace(/^\d+ more events?, /, '');
	const [first, last] = when.includes(' – ') ? when.split(' – ') : [when, when];
	const [a] = datePeriod(first!);
	const [, b] = datePeriod(last!);
	await cluster.click();
	// The view shows all of them with some room (at most 15 % of their period each side, or a
	// week if that is longer): a zoom in to the cluster, not a pan or a zoom out.
	const room = Math.max(0.15 * (b - a), (CLOSEST_SPAN - (b - a)) / 2);
	await expect(async () => {
		await settled(page);
		const view = await drawnView(page);
		const px = view.msPerPx;
		expect(view.from, 'the view starts at or before the first event').toBeLessThanOrEqual(a + px);
		expect(view.to, 'the view ends at or after the last event').toBeGreaterThanOrEqual(b - px);
		expect(view.from, 'with no more than its room before').toBeGreaterThanOrEqual(a - room - px);
		expect(view.to, 'and after').toBeLessThanOrEqual(b + room + px);
		expect(view.to - view.from).toBeLessThan(before.to - before.from);
	}).toPass({ timeout: 10_000 });
});

/** [start, end) of a date as the page writes it: "2013", "July 2024", "17 January 2025" (approx. dropped). */
function datePeriod(text: string): [number, number] {
	const clean = text.replace(/^approx\. /, '');
	if (/^\d{4}$/.test(clean)) return [Date.UTC(Number(clean), 0, 1), Date.UTC(Number(clean) + 1, 0, 1)];
	if (/^\d/.test(clean)) {
		const start = Date.parse(`${clean} UTC`);
		expect(Number.isNaN(start), `a date "${text}"`).toBe(false);
		return [start, start + DAY];
	}
	const start = Date.parse(`1 ${clean} UTC`);
	expect(Number.isNaN(start), `a date "${text}"`).toBe(false);
	const date = new Date(start);
	return [start, Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)];
}
