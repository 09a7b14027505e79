// Measurements in one Playwright Chromium: transferred JS/CSS (gzipped), time to the first event
// visible and to the first event clickable, and frame times over a scripted zoom-and-pan.
// The same probe runs in every tool's page; only the selectors and the gestures differ.
import { gzipSync } from 'node:zlib';

/**
 * What each tool's page is measured by.
 * - visible: a selector for an event's mark; "visible" is the first frame in which one is laid
 *   out inside the viewport with a size and not hidden.
 * - click: what is clicked, when not `visible` (see probe()); a function of the page's URL where it differs by page.
 * - success: what a working click looks like (see probe()).
 * - gesture: 'wheel' (ctrl + wheel at the plot, then a drag) or 'buttons' (TimelineJS has no wheel
 *   zoom: its own Zoom in / Zoom out buttons, then a drag of its time navigator).
 */
export const TOOLS = {
	// Ours: the build draws the marks as links (they work without scripts). On / and /embed the
	// page's first script makes those links open their event in place (the first panel: on / in the
	// event's story step beside the plot, or a sheet on phones), before the live plot loads.
	ours: {
		label: 'ours',
		visible: '.plot [data-event-id]',
		click: () => '.plot [data-event-id]',
		success: 'panel',
		area: '.plot',
		gesture: 'wheel'
	},
	timelinejs: { label: 'TimelineJS3', visible: '.tl-timemarker', success: 'tl-timemarker-active', area: '.tl-timenav', gesture: 'buttons' },
	vis: { label: 'vis-timeline', visible: '.vis-item.vis-box, .vis-item.vis-range', success: 'vis-selected', area: '.vis-center', gesture: 'wheel' }
};

/**
 * Installed with addInitScript before any of the page's scripts. Records, against
 * performance.now() (0 = navigation start):
 *   visible   — the first requestAnimationFrame in which a mark is laid out in view;
 *   clickable — the first time a click on a mark works: from the first visible frame on, it
 *               dispatches a real-looking click (pointerdown, mousedown, pointerup, mouseup,
 *               click at the mark's centre) every few ms and checks, after the page's own
 *               microtasks, whether the click took effect (our details panel opened; the
 *               TimelineJS marker became active; the vis-timeline item became selected).
 */
function probe({ visible, click: clickable = visible, success }) {
	const state = (window.__bench = { visible: null, clickable: null, clickedAt: null, attempts: 0, target: null, longest: 0, blocking: 0 });
	// Long main-thread tasks until the page is clickable: the longest, and the time past 50 ms summed
	// (total blocking time, as Lighthouse counts it).
	try {
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) {
				if (state.clickable !== null && entry.startTime > state.clickable) continue;
				state.longest = Math.max(state.longest, entry.duration);
				state.blocking += Math.max(0, entry.duration - 50);
			}
		}).observe({ type: 'longtask', buffered: true });
	} catch {
		// No Long Tasks API: the figures stay 0.
	}
	const inView = (el) => {
		const r = el.getBoundingClientRect();
		if (r.width <= 0 || r.height <= 0 || r.right <= 0 || r.bottom <= 0 || r.left >= innerWidth || r.top >= innerHeight) return false;
		return el.checkVisibility ? el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) : true;
	};
	const firstInView = (exclude, selector = visible) => {
		for (const el of document.querySelectorAll(selector)) if (inView(el) && !(exclude && exclude(el))) return el;
		return null;
	};
	let target = null;
	const worked = () => {
		if (success === 'panel') return document.querySelector('section.panel') !== null;
		return target !== null && target.classList.contains(success);
	};
	// A mark may be a link that works without scripts (ours leads to the event's page): a click the
	// page's script did not answer yet must not leave the page, or the probe would measure another.
	// Last in line (window, bubbling), so the page's own handlers see the click first.
	let probing = false;
	addEventListener('click', (event) => {
		if (probing && !event.defaultPrevented && event.target instanceof Element && event.target.closest('a[href]')) event.preventDefault();
	});
	const click = (el) => {
		const r = el.getBoundingClientRect();
		const at = { bubbles: true, cancelable: true, composed: true, view: window, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, button: 0 };
		const pointer = { ...at, pointerId: 1, pointerType: 'mouse', isPrimary: true };
		el.dispatchEvent(new PointerEvent('pointerdown', { ...pointer, buttons: 1 }));
		el.dispatchEvent(new MouseEvent('mousedown', { ...at, buttons: 1, detail: 1 }));
		el.dispatchEvent(new PointerEvent('pointerup', { ...pointer, buttons: 0 }));
		el.dispatchEvent(new MouseEvent('mouseup', { ...at, buttons: 0, detail: 1 }));
		probing = true;
		el.dispatchEvent(new MouseEvent('click', { ...at, buttons: 0, detail: 1 }));
		probing = false;
	};
	const done = (now) => {
		state.clickable = now;
		state.target = target?.dataset?.eventId ?? target?.id ?? target?.className ?? null;
	};
	const tryClick = () => {
		if (state.clickable !== null) return;
		if (worked()) return done(performance.now());
		// TimelineJS shows one marker as active from the start: click another.
		if (!target || !target.isConnected || !inView(target)) target = firstInView((el) => el.classList.contains(success), clickable);
		if (target) {
			state.attempts++;
			state.clickedAt = performance.now();
			click(target);
		}
		// After the page's own microtasks (Svelte flushes its updates in one).
		Promise.resolve()
			.then(() => Promise.resolve())
			.then(() => {
				if (state.clickable === null && worked()) done(performance.now());
				else if (state.clickable === null) setTimeout(tryClick, 2);
			});
	};
	const frame = () => {
		if (state.visible === null && document.documentElement && firstInView()) {
			state.visible = performance.now();
			tryClick();
			return;
		}
		requestAnimationFrame(frame);
	};
	requestAnimationFrame(frame);
	// A page that fails to render still answers the harness.
	addEventListener('error', (event) => (state.error ??= String(event.message)));
}

/**
 * Collects rAF frames in the page (start time, main-thread end, input events handled, phase) and
 * the main thread's busy spans: each frame from its rAF timestamp to the end of its rendering, and
 * each input event from its dispatch to the end of its task (a message posted at dispatch runs once
 * the task, with the page's microtasks, is over).
 */
function startFrames() {
	const record = (window.__frames = { frames: [], busy: [], phase: 'idle', running: true });
	let inputs = 0;
	const inputChannel = new MessageChannel();
	const starts = [];
	inputChannel.port1.onmessage = () => {
		const start = starts.shift();
		if (start !== undefined && record.running) record.busy.push([start, performance.now()]);
	};
	for (const type of ['wheel', 'mousemove', 'pointermove', 'mousedown', 'mouseup', 'click']) {
		addEventListener(
			type,
			() => {
				inputs++;
				starts.push(performance.now());
				inputChannel.port2.postMessage(0);
			},
			{ capture: true, passive: true }
		);
	}
	const channel = new MessageChannel();
	let pending = null;
	// A message posted in a rAF callback is handled after that frame's style, layout and paint.
	channel.port1.onmessage = () => {
		if (!pending) return;
		pending.end = performance.now();
		record.busy.push([pending.t, pending.end]);
	};
	const loop = (t) => {
		if (!record.running) return;
		pending = { t, end: null, inputs, phase: record.phase };
		inputs = 0;
		record.frames.push(pending);
		channel.port2.postMessage(0);
		requestAnimationFrame(loop);
	};
	requestAnimationFrame(loop);
}

const quantile = (sorted, q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] : null);
export const median = (values) => {
	const sorted = values.filter((v) => v != null && Number.isFinite(v)).sort((a, b) => a - b);
	if (!sorted.length) return null;
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
export const p95 = (values) => quantile([...values].sort((a, b) => a - b), 0.95);

/**
 * Frame statistics over the gesture, for every frame of each phase: rAF intervals (what the reader
 * sees; headless Chromium draws at 60 Hz, so the floor is 16.7 ms) and main-thread work (the
 * frame's rAF timestamp → the end of that frame's rendering). Work is taken over all the phase's
 * frames, not only those that handled an input: when the main thread is busy, Chromium dispatches
 * input outside the frame and the cost lands in the frame after it.
 */
export function frameStats(frames, busy = []) {
	// The busy spans merged, then each frame interval's share of them.
	const merged = [];
	for (const [start, end] of [...busy].sort((a, b) => a[0] - b[0])) {
		const last = merged.at(-1);
		if (last && start <= last[1]) last[1] = Math.max(last[1], end);
		else merged.push([start, end]);
	}
	const busyWithin = (from, to) => {
		let sum = 0;
		for (const [start, end] of merged) {
			if (start >= to) break;
			if (end > from) sum += Math.min(end, to) - Math.max(start, from);
		}
		return sum;
	};
	const byPhase = { zoom: { intervals: [], work: [], inputFrames: 0 }, pan: { intervals: [], work: [], inputFrames: 0 } };
	for (let i = 0; i + 1 < frames.length; i++) {
		const frame = frames[i];
		const phase = byPhase[frame.phase];
		if (!phase) continue;
		const next = frames[i + 1].t;
		phase.intervals.push(next - frame.t);
		phase.work.push(busyWithin(frame.t, next));
		if (frame.inputs > 0) phase.inputFrames++;
	}
	return byPhase;
}

/** The rectangle of `selector` that is inside the viewport (gestures must land on screen). */
async function areaInView(page, selector) {
	return page.evaluate((sel) => {
		const el = document.querySelector(sel);
		if (!el) return null;
		const r = el.getBoundingClientRect();
		const top = Math.max(0, r.top);
		const bottom = Math.min(innerHeight, r.bottom);
		const left = Math.max(0, r.left);
		const right = Math.min(innerWidth, r.right);
		return { x: left, y: top, width: right - left, height: bottom - top, fullHeight: r.height };
	}, selector);
}

/** What the tool says it shows, to prove the gesture moved the view. */
async function viewState(page, tool) {
	return page.evaluate((tool) => {
		if (tool === 'ours') return document.querySelector('[data-testid="visible-range"]')?.textContent?.trim() ?? null;
		if (tool === 'vis') {
			const w = window.timeline?.getWindow?.();
			return w ? `${new Date(w.start).toISOString().slice(0, 10)} – ${new Date(w.end).toISOString().slice(0, 10)}` : null;
		}
		// TimelineJS: the time navigator's scroll position and its first and last visible tick labels.
		const slider = document.querySelector('.tl-timenav-slider');
		const labels = [...document.querySelectorAll('.tl-timeaxis-tick-text')].filter((el) => {
			const r = el.getBoundingClientRect();
			return r.width > 0 && r.left >= 0 && r.right <= innerWidth;
		});
		return `${slider?.style.left ?? '?'} [${labels[0]?.textContent ?? ''} … ${labels.at(-1)?.textContent ?? ''}]`;
	}, tool);
}

/** Waits until the page has drawn `count` consecutive quick frames (or `max` ms passed). */
async function settle(page, count = 10, max = 5000) {
	await page.evaluate(
		({ count, max }) =>
			new Promise((resolve) => {
				const start = performance.now();
				let quick = 0;
				let last = null;
				const loop = (t) => {
					if (last !== null) quick = t - last < 20 ? quick + 1 : 0;
					last = t;
					if (quick >= count || performance.now() - start > max) resolve();
					else requestAnimationFrame(loop);
				};
				requestAnimationFrame(loop);
			}),
		{ count, max }
	);
}

/**
 * The scripted gesture, through real input (CDP): 60 zoom steps at the centre of the visible
 * part of the plot (40 in, 20 out), then a 60-step drag pan. Returns frames and the view before,
 * after the zoom and after the pan.
 */
async function gesture(page, toolName, maxMs = 15_000) {
	const tool = TOOLS[toolName];
	const area = await areaInView(page, tool.area);
	if (!area || area.width < 50 || area.height < 20) throw new Error(`${toolName}: no ${tool.area} in view to zoom and pan`);
	const cx = Math.round(area.x + area.width / 2);
	// Ours: the lanes sit just above the axis; a drag must start on the plot's background, so aim
	// at the middle of what is in view. TimelineJS: drag the time navigator in its lower part.
	const cy = Math.round(area.y + area.height / 2);
	const views = { before: await viewState(page, toolName) };
	// A tool that takes seconds a step stops early; the steps done are reported.
	const deadline = Date.now() + maxMs;
	const steps = { zoom: 0, pan: 0 };
	await page.evaluate(startFrames);
	await page.mouse.move(cx, cy);
	await page.evaluate(() => (window.__frames.phase = 'zoom'));
	if (tool.gesture === 'wheel') {
		await page.keyboard.down('Control');
		for (let i = 0; i < 60 && Date.now() < deadline; i++, steps.zoom++) {
			await page.mouse.wheel(0, i < 40 ? -12 : 12);
			// The view at the deepest point: a tool whose closest zoom is reached within the 40 steps
			// in (ours on the real data: about three events across) is back at the whole range after
			// the 20 out, which would read as "no zoom".
			if (i === 39) views.deepest = await viewState(page, toolName);
		}
		await page.keyboard.up('Control');
	} else {
		const button = async (name) => page.locator(`.tl-menubar-button:has(.tl-icon-zoom-${name})`).boundingBox();
		const zoomIn = await button('in');
		const zoomOut = await button('out');
		if (!zoomIn || !zoomOut) throw new Error('TimelineJS zoom buttons not found');
		// Five levels in, five out, five times, then six in and four out (ending zoomed in, as ours
		// does): TimelineJS redraws its whole axis on each zoom, and its deepest levels (up to 89×)
		// cost seconds a click even with 40 events.
		for (let i = 0; i < 60 && Date.now() < deadline; i++, steps.zoom++) {
			const box = i % 10 < (i < 50 ? 5 : 6) ? zoomIn : zoomOut;
			await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
		}
		await page.mouse.move(cx, cy);
	}
	await page.waitForTimeout(250);
	views.zoomed = await viewState(page, toolName);
	await page.evaluate(() => (window.__frames.phase = 'pan'));
	// Start the drag on empty background: a drag that starts on a mark would click it.
	const start = await page.evaluate(
		({ cx, cy, selector }) => {
			for (let dy = 0; dy < 200; dy += 6) {
				for (const y of [cy + dy, cy - dy]) {
					const hit = document.elementFromPoint(cx, y);
					if (hit && !hit.closest('button, a, .vis-item, .tl-timemarker, .tl-menubar')) return { x: cx, y };
				}
			}
			return { x: cx, y: cy };
		},
		{ cx, cy, selector: tool.visible }
	);
	await page.mouse.move(start.x, start.y);
	await page.mouse.down();
	const panDeadline = Date.now() + maxMs;
	for (let i = 1; i <= 60 && Date.now() < panDeadline; i++, steps.pan++) await page.mouse.move(start.x - 8 * i, start.y);
	await page.mouse.up();
	await page.waitForTimeout(250);
	views.panned = await viewState(page, toolName);
	const { frames, busy } = await page.evaluate(() => {
		window.__frames.running = false;
		return { frames: window.__frames.frames, busy: window.__frames.busy };
	});
	return { frames, busy, views, steps };
}

/** Whether a URL stays on this machine (the peers must make no outside request). */
const isLocal = (url) => /^(data|blob|about):/.test(url) || /^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(url);

/**
 * One page of one tool: `reps` loads (fewer when a load is slow), each measuring first visible and
 * first clickable, then the gesture's frames in the same load (the opened event closed again).
 * Transferred sizes are taken from the first load.
 */
export async function measurePage(browser, { tool: toolName, url, reps = 5, slowReps = 3, slowMs = 5_000, frameReps = 3, slowGestureMs = 15_000, timeoutMs = 150_000, deadline = Infinity, log = () => {} }) {
	const tool = TOOLS[toolName];
	const result = { tool: toolName, url, runs: [], bytes: null, outside: [], errors: [], views: [] };
	let planned = reps;
	let lastWall = 0;
	for (let rep = 0; rep < planned; rep++) {
		// Past the run's deadline a page keeps the runs it has (always at least one).
		if (rep > 0 && Date.now() + lastWall > deadline) {
			result.cut = `${rep} of ${planned} runs: the run's time budget was spent`;
			log(`${toolName} ${url}: stopping after ${rep} runs (time budget)`);
			break;
		}
		const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
		const page = await context.newPage();
		const click = typeof tool.click === 'function' ? tool.click(url) : tool.click;
		await page.addInitScript(probe, { visible: tool.visible, click, success: tool.success });
		const responses = [];
		page.on('request', (request) => {
			if (!isLocal(request.url())) result.outside.push(request.url());
		});
		if (rep === 0) page.on('response', (response) => responses.push(response));
		page.on('pageerror', (error) => result.errors.push(String(error.message).slice(0, 200)));
		page.on('console', (message) => {
			if (message.type() === 'error') result.errors.push(`console: ${message.text().slice(0, 200)}`);
		});
		const wall = Date.now();
		try {
			await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
			await page.waitForFunction(() => window.__bench && (window.__bench.clickable !== null || window.__bench.error), null, {
				timeout: timeoutMs,
				polling: 100
			});
			const probeResult = await page.evaluate(() => {
				const nav = performance.getEntriesByType('navigation')[0];
				const fcp = performance.getEntriesByName('first-contentful-paint')[0];
				return { ...window.__bench, load: nav?.loadEventStart || null, dcl: nav?.domContentLoadedEventStart || null, fcp: fcp?.startTime ?? null };
			});
			const run = {
				visible: probeResult.visible,
				clickable: probeResult.clickable,
				attempts: probeResult.attempts,
				fcp: probeResult.fcp,
				load: probeResult.load,
				dcl: probeResult.dcl,
				longest: probeResult.longest,
				blocking: probeResult.blocking,
				wallMs: null
			};
			if (rep === 0) {
				// What the page had asked for by the time the click worked: every request started before it
				// (read after the load: Resource Timing lists a request only once its response is in).
				await page.waitForLoadState('load', { timeout: timeoutMs });
				await page.waitForTimeout(500);
				const beforeClick = await page.evaluate(
					(clickable) => performance.getEntriesByType('resource').filter((entry) => entry.startTime <= clickable).map((entry) => entry.name),
					run.clickable ?? Infinity
				);
				result.bytes = await transferred(responses, new Set(beforeClick));
				// Code written inline in the page (the embed's first script, the script that boots its
				// app) counts too: it is JavaScript the page ran, though no request fetched it. Not the
				// inline script that carries SvelteKit's data (counted as data, as the peers' JSON is).
				const inline = await page.evaluate(() =>
					[...document.querySelectorAll('script:not([src])')].filter((script) => script.type !== 'text/plain' && !/__sveltekit_/.test(script.textContent ?? '')).map((script) => script.textContent ?? '')
				);
				result.bytes.jsInline = inline.reduce((sum, text) => sum + gzipSync(text).length, 0);
				result.bytes.jsInlineScripts = inline.length;
				result.markCount = await page.locator(tool.visible).count();
				result.extra = await page.evaluate((area) => ({
					nodes: document.getElementsByTagName('*').length,
					heapMB: performance.memory ? performance.memory.usedJSHeapSize / 1048576 : null,
					plotHeight: document.querySelector(area)?.getBoundingClientRect().height ?? null,
					pageHeight: document.documentElement.scrollHeight
				}), tool.area);
			}
			if (rep < frameReps) {
				await undoClick(page, toolName);
				await settle(page);
				const started = Date.now();
				const { frames, busy, views, steps } = await gesture(page, toolName);
				run.frames = frameStats(frames, busy);
				run.steps = steps;
				run.gestureMs = Date.now() - started;
				result.views.push(views);
				// A slow gesture is measured once: its frames already say what they have to say.
				if (run.gestureMs > slowGestureMs) frameReps = rep + 1;
			}
			run.wallMs = Date.now() - wall;
			// The next run is estimated from this one, less its one-off parts (sizes, frames).
			lastWall = rep === 0 ? run.wallMs - (run.gestureMs ?? 0) : run.wallMs;
			result.runs.push(run);
			log(`${toolName} ${url} #${rep + 1}: visible ${fmt(run.visible)} ms, clickable ${fmt(run.clickable)} ms (${run.attempts} tries), ${((Date.now() - wall) / 1000).toFixed(1)} s`);
			if (rep === 0 && (run.clickable ?? Infinity) > slowMs) planned = Math.min(planned, slowReps);
		} catch (error) {
			result.errors.push(`run ${rep + 1}: ${String(error.message).split('\n')[0]}`);
			log(`${toolName} ${url} #${rep + 1}: FAILED ${String(error.message).split('\n')[0]}`);
			if (rep === 0) result.timedOut = /Timeout/i.test(String(error.message)) ? timeoutMs : null;
			await context.close();
			break;
		}
		await context.close();
	}
	return result;
}

const fmt = (ms) => (ms == null ? '–' : Math.round(ms));

/**
 * After the clickable check: close what the click opened and go back to the top, so the gesture
 * starts from the page's first view. On / a click also scrolls the story to the event, and the
 * story moves the axis to it (camera), so the zoom is reset too.
 */
async function undoClick(page, toolName) {
	if (toolName === 'ours') {
		await page.evaluate(() => document.querySelector('section.panel button.close')?.click());
		// The gesture is measured on the live plot, mounted once the page is idle.
		await page.waitForSelector('.plot button[data-event-id]', { timeout: 60_000 });
	}
	await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
	await settle(page);
	if (toolName === 'ours') {
		const reset = page.getByRole('button', { name: 'Reset', exact: true });
		if ((await reset.count()) && (await reset.isEnabled())) await reset.click({ timeout: 60_000 });
	}
}

/** Sum of gzip sizes (zlib default level) of the JS, CSS, HTML and data the page loaded. */
async function transferred(responses, beforeClick = new Set()) {
	const bytes = { js: 0, css: 0, html: 0, data: 0, jsFiles: 0, cssFiles: 0, other: 0, jsBeforeClick: 0, jsFilesBeforeClick: 0 };
	for (const response of responses) {
		let body;
		try {
			body = await response.body();
		} catch {
			// Chromium keeps no body past its buffer limit (our 10,000-event HTML is 63 MB): fetch
			// the same URL again from here (it is on this machine).
			try {
				const again = await fetch(response.url());
				body = Buffer.from(await again.arrayBuffer());
			} catch {
				continue;
			}
		}
		const type = response.request().resourceType();
		const contentType = response.headers()['content-type'] ?? '';
		const size = gzipSync(body).length;
		if (type === 'script' || /javascript/.test(contentType)) {
			bytes.js += size;
			bytes.jsFiles++;
			if (beforeClick.has(response.url())) {
				bytes.jsBeforeClick += size;
				bytes.jsFilesBeforeClick++;
			}
		} else if (type === 'stylesheet' || /text\/css/.test(contentType)) {
			bytes.css += size;
			bytes.cssFiles++;
		} else if (type === 'document') bytes.html += size;
		else if (type === 'fetch' || type === 'xhr' || /json/.test(contentType)) bytes.data += size;
		else bytes.other += size;
	}
	return bytes;
}
