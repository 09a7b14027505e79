/**
 * Code on demand: d3-zoom (with d3-selection and d3-transition) is not among the scripts the page
 * needs for its first click; it loads when the page is idle or at the plot's first gesture. What a
 * reader does before it arrives is not lost: the view moves itself, and d3-zoom takes over from it.
 * The test holds the chunk that wires d3-zoom back (as a slow network would) to act in that time.
 */
import type { Page, Route } from '@playwright/test';
import { expect, test } from './fixtures';
import { neverIdle } from './stages';
import { ctrlWheelFactor, ctrlWheelInPlot, drawnView, expectView, mouseDrag, panned, plotArea, settled, zoomedAbout, zoomedAboutCentre } from './view';

/** Holds back the script that wires d3-zoom until `release()`; says whether it was asked for. */
async function holdZoomWiring(page: Page) {
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	const state = { requested: false, release };
	await page.route('**/_app/immutable/**/*.js', async (route: Route) => {
		const response = await route.fetch();
		const body = await response.text();
		// d3-zoom's own event namespace: only the chunk that holds d3-zoom has it.
		if (body.includes('dblclick.zoom')) {
			state.requested = true;
			await released;
		}
		await route.fulfill({ response, body });
	});
	return state;
}

test('zoom buttons and ctrl + wheel work before d3-zoom has loaded, and d3-zoom takes over from there', async ({ page }) => {
	const wiring = await holdZoomWiring(page);
	// The page never idles here, so it is the first gesture that must ask for d3-zoom.
	await neverIdle(page);
	// On the full page with a view in its URL, which mounts its live timeline at once (without one
	// it waits for idleness, as the embed does: tests/first-stage.test.ts).
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/?spacing=time');
	await expect(page.locator('.plot button[data-event-id]').first()).toBeVisible();
	await settled(page);
	const full = await drawnView(page);

	// The button zooms about the centre at once (no animation without d3-transition).
	await page.getByRole('button', { name: 'Zoom in' }).click();
	const zoomed = zoomedAboutCentre(full, 2, full.width, full);
	await expectView(page, zoomed);

	// Ctrl + wheel zooms about the pointer, as d3-zoom would, and asks for d3-zoom.
	const area = await plotArea(page);
	const x = await ctrlWheelInPlot(page, Math.round(area.width * 0.3), -100);
	const wheeled = zoomedAbout(zoomed, ctrlWheelFactor(-100), x, full.width, full);
	await expectView(page, wheeled);
	await expect.poll(() => wiring.requested, { message: 'the first gesture asked for d3-zoom' }).toBe(true);

	// d3-zoom arrives (it keeps its transform on the element, as d3.zoomTransform reads it) and
	// starts from the view as it is: a drag pans the wheeled view.
	wiring.release();
	await expect.poll(() => page.locator('.plot').evaluate((plot) => '__zoom' in plot), { message: 'd3-zoom is wired' }).toBe(true);
	await mouseDrag(page, { x: area.left + area.width / 2, y: area.top + 12 }, -200, 5);
	await settled(page);
	await expectView(page, panned(wheeled, -200, full.width, full));
});

test('double-click and a mouse drag work before d3-zoom has loaded; a drag that begins on a mark pans and does not open it', async ({ page }) => {
	const wiring = await holdZoomWiring(page);
	await neverIdle(page);
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/?spacing=time');
	await expect(page.locator('.plot button[data-event-id]').first()).toBeVisible();
	await settled(page);
	const full = await drawnView(page);
	const area = await plotArea(page);

	// An empty spot (about 2001, in the upper lanes): double-click zooms ×2 about the pointer.
	const x = Math.round(area.left + area.width * 0.3);
	const y = Math.round(area.top + area.height - 120);
	await page.mouse.dblclick(x, y);
	const zoomed = zoomedAbout(full, 2, x - area.left, full.width, full);
	await expectView(page, zoomed, { message: 'double-click before d3-zoom' });
	await expect.poll(() => wiring.requested, { message: 'the first gesture asked for d3-zoom' }).toBe(true);
	// Shift + double-click zooms back out about the same point.
	await page.keyboard.down('Shift');
	await page.mouse.dblclick(x, y);
	await page.keyboard.up('Shift');
	await expectView(page, full, { message: 'shift + double-click before d3-zoom' });
	await page.mouse.dblclick(x, y);
	await expectView(page, zoomed, { message: 'double-click again' });

	// A drag from the background pans by the drag.
	await mouseDrag(page, { x, y }, 150, 6);
	const dragged = panned(zoomed, 150, full.width, full);
	await expectView(page, dragged, { message: 'drag of +150 px before d3-zoom' });

	// A drag that begins on a mark pans too, and the mark's event is not opened by it.
	const mark = page.locator('.plot button[data-event-id]').filter({ visible: true }).first();
	const box = (await mark.boundingBox())!;
	await mouseDrag(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, -100, 5);
	const draggedAgain = panned(dragged, -100, full.width, full);
	await expectView(page, draggedAgain, { message: 'drag of −100 px from a mark' });
	await expect(page.locator('section.panel, [data-step-id].open')).toHaveCount(0);

	// d3-zoom arrives and starts from the view as it is; its own double-click zooms on from there.
	wiring.release();
	await expect.poll(() => page.locator('.plot').evaluate((plot) => '__zoom' in plot), { message: 'd3-zoom is wired' }).toBe(true);
	await page.mouse.dblclick(x, y);
	await expectView(page, zoomedAbout(draggedAgain, 2, x - area.left, full.width, full), { message: 'double-click after d3-zoom took over' });
});

test('the page’s first scripts leave d3-zoom out: it loads once the page is idle', async ({ page }) => {
	const scripts: string[] = [];
	page.on('request', (request) => {
		if (request.resourceType() === 'script') scripts.push(request.url());
	});
	await page.goto('/embed');
	await expect(page.locator('.plot button[data-event-id]').first()).toBeVisible();
	// The scripts the prerendered page names (its module preloads and start scripts) are what it
	// needs to run; the chunk with d3-zoom is not among them. (The live document also gets preload
	// links for what loads later, so the served HTML is read.)
	const html = await (await page.request.get('/embed')).text();
	const named = [...new Set(html.match(/\/_app\/immutable\/[\w./-]+\.js/g) ?? [])].map((path) => new URL(path, page.url()).href);
	expect(named.length, 'the page names its scripts').toBeGreaterThanOrEqual(3);
	const bodies = await Promise.all(named.map(async (url) => (await page.request.get(url)).text()));
	expect(bodies.some((body) => body.includes('dblclick.zoom'))).toBe(false);
	// And it does load, unasked, once the page is idle.
	await expect
		.poll(async () => {
			for (const url of scripts.filter((url) => !named.includes(url))) if ((await (await page.request.get(url)).text()).includes('dblclick.zoom')) return true;
			return false;
		})
		.toBe(true);
});
