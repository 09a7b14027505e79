/**
 * The pages' two stages (the first script, then the live timeline on demand), as tests act on them:
 * hold the live timeline's code back at the network, keep the page from idling, read the stage.
 */
import { expect, type Page, type Route } from '@playwright/test';

/** Holds back every script the served page does not name (the live timeline's) until `release()`. */
export async function holdLiveTimeline(page: Page, path: string) {
	const html = await (await page.request.get(path)).text();
	const named = new Set(html.match(/_app\/immutable\/[\w./-]+\.js/g) ?? []);
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	const state = { asked: [] as string[], release };
	await page.route('**/_app/immutable/**/*.js', async (route: Route) => {
		const path = new URL(route.request().url()).pathname.replace(/^\//, '');
		// Route nodes (SvelteKit's error page) are the router's, not the timeline's.
		if (![...named].some((name) => path.endsWith(name)) && !path.includes('/nodes/')) {
			state.asked.push(path);
			await released;
		}
		await route.continue();
	});
	return state;
}

/** The page never idles: only a gesture asks for the live timeline. */
export async function neverIdle(page: Page) {
	await page.addInitScript(() => {
		window.requestIdleCallback = () => 0;
		window.cancelIdleCallback = () => {};
	});
}

/** How far the page has come: `prerendered`, `first` (its first script runs) or `live`. */
export const stage = (page: Page) => page.locator('main[data-stage]').getAttribute('data-stage');

/**
 * Opens `path` (at 1280 × 800, or `width` × 800) in its first stage and keeps it there: the live
 * timeline's code held back (released by the returned `release()`) and the page never idle, unless
 * `idle` (then idleness asks for the code, which comes once released).
 */
export async function firstStage(page: Page, path: string, { width = 1280, idle = false } = {}) {
	const held = await holdLiveTimeline(page, path.split('?')[0]!);
	if (!idle) await neverIdle(page);
	await page.setViewportSize({ width, height: 800 });
	await page.goto(path);
	await expect.poll(() => stage(page)).toBe('first');
	return held;
}

/**
 * Remembers, by identity, the elements `selector` matches now; the returned `kept()` counts those
 * still in the page: the same elements, not ones drawn again in their place.
 */
export async function rememberElements(page: Page, selector: string) {
	const key = await page.evaluate((selector) => {
		const store = ((window as unknown as { remembered?: Element[][] }).remembered ??= []);
		return store.push([...document.querySelectorAll(selector)]) - 1;
	}, selector);
	const kept = () => page.evaluate((key) => (window as unknown as { remembered: Element[][] }).remembered[key]!.filter((element) => element.isConnected).length, key);
	return { count: await kept(), kept };
}
