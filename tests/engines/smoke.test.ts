/**
 * The other engines: the built site in Firefox ESR and WebKitGTK (Safari's engine, not iOS Safari
 * itself), driven as a reader uses it. / and /embed load and go live, zoom with the buttons and the
 * keys lands where the README's rules say (ranges.ts), an event opens with exactly its excerpts
 * from events.json, the embed takes its content's height on a host page of another origin and
 * mirrors the open event into the host's URL, the live plot takes the prerendered one's place on
 * phones and tablets without moving the story, and no page or frame reports a script error.
 * Run by scripts/engines.mjs (npm test), which picks the engines this machine has (ENGINES).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createStaticServer } from '../../scripts/serve.mjs';
import { article, HostServer } from '../hosts';
import { axisInPage, isWithin, pxTolerance, rangeText, viewFromAxis, zoomedAboutCentre, type DrawnView, type Range } from '../ranges';
import { launchEngine, waitFor, type EngineDriver, type EngineName } from './drivers';

interface Citation {
	excerpt: string;
}
interface EventData {
	id: string;
	title: string;
	citations: Citation[];
}
const EVENTS = (JSON.parse(readFileSync('events.json', 'utf8')) as { events: EventData[] }).events;
const TREATY = EVENTS.find((event) => event.id === 'treaty-signed')!;
const engines = (process.env.ENGINES ?? '').split(',').filter(Boolean) as EngineName[];
const SHOTS = 'test-results/engines';

/** Loaded before the site's own scripts (the server puts it first in <head>): every error is kept. */
const ERROR_PROBE = `window.__engineErrors = [];
addEventListener('error', (event) => __engineErrors.push('error: ' + (event.message || event.error)));
addEventListener('unhandledrejection', (event) => __engineErrors.push('unhandled rejection: ' + event.reason));`;

/** A page's markup with no script to run (and none preloaded). */
const withoutScripts = (html: string) => html.replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<link[^>]*rel="modulepreload"[^>]*>/gi, '');

/**
 * The embed as it stands before its app boots: its first script (inline, first in the head) and no
 * boot; the error probe first in its head, as the server puts it in the pages it serves.
 */
const beforeTheApp = (html: string) =>
	html
		.replace('<head>', '<head><script src="/__engine-errors.js"></script>')
		.replace(/<script type="text\/plain" data-app-boot[\s\S]*?<\/script>/, '')
		.replace(/<script data-boot-after-paint>[\s\S]*?<\/script>/, '');

const ZOOM_IN = '[aria-label="Zoom"] button:nth-child(1)';
const ZOOM_OUT = '[aria-label="Zoom"] button:nth-child(2)';
const RESET = '[aria-label="Zoom"] button:nth-child(3)';

describe.each(engines)('%s', (name) => {
	let driver: EngineDriver;
	let server: Server;
	let site = '';
	const host = new HostServer();

	beforeAll(async () => {
		mkdirSync(SHOTS, { recursive: true });
		server = createStaticServer('build', {
			headStart: '<script src="/__engine-errors.js"></script>',
			extra: {
				'/__engine-errors.js': { type: 'text/javascript; charset=utf-8', body: ERROR_PROBE },
				// The full page as it stands until its scripts arrive: the build's markup without them.
				'/__prerendered.html': { type: 'text/html; charset=utf-8', body: withoutScripts(readFileSync('build/index.html', 'utf8')) },
				'/__first-click.html': { type: 'text/html; charset=utf-8', body: beforeTheApp(readFileSync('build/embed.html', 'utf8')) },
				'/__first-click-site.html': { type: 'text/html; charset=utf-8', body: beforeTheApp(readFileSync('build/index.html', 'utf8')) },
				'/__frames.html': { type: 'text/html; charset=utf-8', body: '<!doctype html><title>Frames</title><body style="margin: 0">' }
			}
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		site = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
		await host.start();
		driver = await launchEngine(name, 1280, 800);
	});
	afterAll(async () => {
		await driver?.quit();
		await host.stop();
		await new Promise((resolve) => server?.close(resolve));
	});

	/** The plot is live (the script has taken over) and at rest, its axis drawn: the view as drawn. */
	async function settledView(): Promise<DrawnView> {
		let view: DrawnView | null = null;
		await waitFor(async () => {
			const still = await driver.evaluate(
				() => !!document.querySelector('.timeline.live') && document.querySelector<HTMLElement>('.plot')?.dataset.settled === 'true'
			);
			view = still ? viewFromAxis(await driver.evaluate(axisInPage)) : null;
			return view !== null;
		}, 'the live plot at rest with its axis drawn');
		return view!;
	}

	/** Waits until the drawn view is `expected`, within a pixel at each end. */
	async function expectView(expected: Range, what: string): Promise<void> {
		let last: DrawnView | null = null;
		const close = (view: DrawnView) => isWithin(view, expected, pxTolerance(expected, view.width));
		await waitFor(async () => close((last = await settledView())), `${what}: expected ${rangeText(expected)}`).catch((error: Error) => {
			throw new Error(`${error.message}; drawn ${last && rangeText(last)}`);
		});
	}

	/**
	 * The errors the page reported. Not counted: "ResizeObserver loop completed with undelivered
	 * notifications", which the engine reports (not our script throwing) when a size measured in a
	 * frame changes layout again in the same frame; printed, so it is seen.
	 */
	async function errors(): Promise<string[]> {
		const all = await driver.evaluate(() => (window as unknown as { __engineErrors?: string[] }).__engineErrors ?? ['the error probe did not load']);
		const loops = all.filter((message) => message.includes('ResizeObserver loop'));
		if (loops.length) console.warn(`${name}: ${loops.length} × ResizeObserver loop notice`);
		return all.filter((message) => !loops.includes(message));
	}

	/** Clicks the event's mark and reads the open panel: its title and the excerpts it quotes. */
	async function openEvent(event: EventData): Promise<void> {
		await driver.click(`.plot button[data-event-id="${event.id}"]`);
		let shown: { title: string; quotes: string[] } | null = null;
		await waitFor(async () => {
			shown = await driver.evaluate(() => {
				const panel = document.querySelector('section.panel');
				const title = panel?.querySelector(':is(h2, h3)#details-title')?.textContent?.trim();
				return title ? { title, quotes: [...panel!.querySelectorAll('blockquote mark.quote')].map((mark) => mark.textContent ?? '') } : null;
			});
			return shown !== null;
		}, `the panel of "${event.title}"`);
		expect(shown).toEqual({ title: event.title, quotes: event.citations.map((citation) => citation.excerpt) });
	}

	for (const [path, served, place] of [
		['/embed', '/__first-click.html', 'from the server’s panel'],
		['/', '/__first-click-site.html', 'in its story step']
	] as const)
	test(`${path} before its app: a mark opens its event in place ${place}, Escape closes it and focus goes back to the mark (or its step)`, async () => {
		await driver.goto(`${site}${served}`);
		const id = await driver.evaluate(() => {
			const shown = [...document.querySelectorAll<HTMLElement>('.plot a[data-event-id]')].filter((mark) => mark.getClientRects().length > 0);
			// The drivers click the first match of a selector: the shown mark (each width range has its own) is named for them.
			shown.at(-1)?.setAttribute('data-shown-mark', '');
			return document.documentElement.dataset.firstClick === 'ready' && !document.querySelector('script[data-app-boot]') ? (shown.at(-1)?.dataset.eventId ?? null) : null;
		});
		expect(id, 'a mark shown, the first script ready, no app to boot').toBeTruthy();
		const event = EVENTS.find((candidate) => candidate.id === id)!;
		const markId = event.id;
		await driver.click('.plot a[data-shown-mark]');
		let shown: { title: string; quotes: string[]; focused: string; path: string } | null = null;
		await waitFor(async () => {
			shown = await driver.evaluate(() => {
				const panel = document.querySelector('section.panel[data-predrawn]');
				const title = panel?.querySelector('#details-title')?.textContent?.trim();
				return title
					? { title, quotes: [...panel!.querySelectorAll('blockquote mark.quote')].map((mark) => mark.textContent ?? ''), focused: document.activeElement?.id ?? '', path: location.pathname }
					: null;
			});
			return shown !== null;
		}, `the first script's panel of "${event.title}"`);
		expect(shown).toEqual({ title: event.title, quotes: event.citations.map((citation) => citation.excerpt), focused: 'details-title', path: served });
		await driver.press('Escape');
		// On the full page the plot has moved beside the story: where it shows no mark of the event
		// (in a "+N"), focus goes to the event's step.
		await waitFor(
			async () =>
				driver.evaluate((id: string) => {
					if (document.querySelector('section.panel')) return false;
					const shown = [...document.querySelectorAll(`.plot a[data-event-id="${CSS.escape(id)}"]`)].some((mark) => mark.getClientRects().length > 0);
					const focused = document.activeElement as HTMLElement | null;
					return shown ? focused?.dataset.eventId === id : focused?.id === `event-${id}`;
				}, markId),
			'the panel closed, focus on the mark (or its step)'
		);
		expect(await errors()).toEqual([]);
	});

	// On a time scale (?spacing=time), where the rules of ranges.ts hold; even spacing bends the axis.
	for (const path of ['/', '/embed']) {
		test(`${path}: zoom with the buttons and the keys, open an event and read its excerpts, no script errors`, async () => {
			await driver.goto(`${site}${path}?spacing=time`);
			const full = await settledView();
			// Buttons: ×2, ×2, ×½ about the centre, then Reset to the whole range.
			let expected: Range = full;
			for (const [button, factor] of [[ZOOM_IN, 2], [ZOOM_IN, 2], [ZOOM_OUT, 1 / 2]] as const) {
				await driver.click(button);
				expected = zoomedAboutCentre(expected, factor, full.width, full);
				await expectView(expected, `after ${button === ZOOM_IN ? 'Zoom in' : 'Zoom out'}`);
			}
			await driver.click(RESET);
			await expectView(full, 'after Reset');

			// Keys on a focused mark: + zooms in about the centre, 0 goes back to the whole range.
			await driver.evaluate((id: string) => document.querySelector<HTMLElement>(`.plot button[data-event-id="${id}"]`)!.focus(), TREATY.id);
			await driver.press('+');
			await expectView(zoomedAboutCentre(full, 2, full.width, full), 'after +');
			await driver.press('0');
			await expectView(full, 'after 0');

			await openEvent(TREATY);
			await driver.screenshot(`${SHOTS}/${name}${path === '/' ? '-home' : '-embed'}.png`);
			expect(await errors()).toEqual([]);
		});
	}

	test('on phones and tablets the live plot takes the prerendered one’s place without moving the story', async () => {
		// Each size as a frame (its own viewport, whatever the window's chrome): the prerendered page
		// without its scripts beside the live page.
		await driver.goto(`${site}/__frames.html`);
		const sizes: [number, number][] = [
			[360, 640],
			[412, 823],
			[768, 1024]
		];
		await driver.evaluate((sizes: [number, number][]) => {
			for (const [width, height] of sizes) {
				for (const page of ['__prerendered.html', '']) {
					const frame = document.createElement('iframe');
					frame.src = `/${page}`;
					frame.dataset.size = `${width}x${height}${page ? ' prerendered' : ' live'}`;
					frame.style.cssText = `width: ${width}px; height: ${height}px; border: 0; display: block`;
					document.body.append(frame);
				}
			}
		}, sizes);
		type Layout = { plot: number; plotTop: number; story: number; bands: number };
		let layouts: Record<string, Layout | null> = {};
		await waitFor(async () => {
			layouts = await driver.evaluate(() =>
				Object.fromEntries(
					[...document.querySelectorAll<HTMLIFrameElement>('iframe')].map((frame) => {
						const doc = frame.contentDocument;
						const plot = doc?.querySelector<HTMLElement>('.plot');
						const heading = doc?.querySelector('#list-heading');
						const live = frame.dataset.size!.endsWith('live');
						const ready = plot && heading && (live ? !!doc!.querySelector('.timeline.live') && plot.dataset.settled === 'true' : doc!.readyState === 'complete');
						if (!ready) return [frame.dataset.size!, null];
						const shownBands = [...doc!.querySelectorAll('.band')].filter((band) => getComputedStyle(band).display !== 'none').length;
						return [frame.dataset.size!, { plot: plot.getBoundingClientRect().height, plotTop: plot.getBoundingClientRect().top, story: heading.getBoundingClientRect().top, bands: shownBands }];
					})
				)
			);
			return Object.values(layouts).every((layout) => layout !== null);
		}, 'every frame loaded, the live ones live');
		for (const [width, height] of sizes) {
			const prerendered = layouts[`${width}x${height} prerendered`]!;
			const live = layouts[`${width}x${height} live`]!;
			expect(prerendered.bands, `${width} × ${height}: one prerendered layout shown`).toBe(1);
			for (const key of ['plot', 'plotTop', 'story'] as const) expect(Math.abs(live[key] - prerendered[key]), `${width} × ${height}: ${key} ${live[key]} live, ${prerendered[key]} prerendered`).toBeLessThan(0.5);
		}
	});

	test('the embed on a host page of another origin takes its content’s height, and the open event goes into the host’s URL', async () => {
		const page = host.add(
			article(`<iframe id="embed" src="${site}/embed" title="The timeline" width="100%" height="640"></iframe>\n<script src="${site}/embed.js" async></script>`, {
				head: `<script>${ERROR_PROBE}</script>`
			})
		);
		await driver.goto(page);
		/** The iframe's height on the host, and its document's height inside it. */
		const sizes = async () => {
			await driver.frame(null);
			const frame = await driver.evaluate(() => document.querySelector<HTMLIFrameElement>('#embed')!.getBoundingClientRect().height);
			await driver.frame('#embed');
			const inside = await driver.evaluate(() => document.documentElement.getBoundingClientRect().height);
			await driver.frame(null);
			return { frame, inside };
		};
		let last = { frame: 0, inside: 0 };
		await waitFor(async () => {
			last = await sizes();
			return Math.round(last.frame) !== 640 && Math.abs(last.frame - last.inside) <= 2;
		}, 'embed.js sets the iframe to its content’s height').catch((error: Error) => {
			throw new Error(`${error.message}; last ${JSON.stringify(last)}`);
		});

		const closed = last.frame;

		await driver.frame('#embed');
		await settledView();
		await openEvent(TREATY);
		await driver.frame(null);
		await waitFor(async () => (await driver.evaluate(() => location.hash)) === `#timeline=${TREATY.id}`, 'the host URL names the open event');
		await waitFor(async () => {
			last = await sizes();
			return Math.abs(last.frame - last.inside) <= 2;
		}, 'the iframe still fits its content with the event open');
		// The frame is wider than 960 px: the panel opens beside the plot, at its height, and scrolls.
		expect(Math.abs(last.frame - closed), `the frame keeps its height (${closed} → ${last.frame})`).toBeLessThanOrEqual(2);
		await driver.screenshot(`${SHOTS}/${name}-host.png`);

		expect(await errors(), 'the host page').toEqual([]);
		await driver.frame('#embed');
		expect(await errors(), 'the embed').toEqual([]);
		await driver.frame(null);
	});
});
