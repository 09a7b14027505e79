// The embed's very first script: a prerendered mark opens its event in place as soon as the page
// is parsed, before the app's own script (SvelteKit, Svelte, the first stage) has arrived. The
// server drew every event's panel into an inert <template data-panel-for="id"> (PredrawnPanels);
// a click (or Enter) on a mark shows a copy where the first stage would draw its panel, with focus
// on its title; Close or Escape take it away and focus the mark again. The app's first stage
// takes it over as it starts (routes/embed/+page.svelte: it opens the same event in its own
// panel), and from then on this script does nothing: it answers only while the page is at its
// prerendered stage. Where a mark has no template (a large timeline carries none), the click is
// left to the app, or to the mark's link.
//
// Plain JavaScript in static/, loaded as an async module: one small file of its own, fetched with
// the page and not part of the app's bundle, run as soon as it arrives (the page may still be
// parsing: it listens on the document, and finds the marks and templates when a click comes). As
// a module it loads where the app's modules load and nowhere else (a sandboxed frame on a host
// without CORS headers loads neither: there marks stay links, and no panel shows a Copy link or
// Cite that no script could answer).
// @ts-check

// The embed's colour scheme from its query (?theme=light|dark, as lib/timeline/embed.ts reads it),
// at once: the app, which sets it too, boots only once the page is painted.
const theme = new URLSearchParams(location.search).get('theme');
if (theme === 'light' || theme === 'dark') document.documentElement.dataset.scheme = theme;

/** The panel this script opened (a clone of a template), or null. */
let open = /** @type {HTMLElement | null} */ (null);

/** Only while the page is as the server wrote it: once the app's first stage is up, it answers. */
const prerendered = () => /** @type {HTMLElement | null} */ (document.querySelector('main[data-stage]'))?.dataset.stage === 'prerendered';
/** The slot of the server's timeline markup. */
const slotOf = () => document.querySelector('.live-slot');

/** The shown mark of an event: each prerendered width range has its own, one is displayed. */
function shownMark(/** @type {string} */ id) {
	return [...(slotOf()?.querySelectorAll(`a[data-event-id="${CSS.escape(id)}"]`) ?? [])].find((mark) => mark.getClientRects().length > 0);
}

function close() {
	if (!open) return;
	const id = open.dataset.predrawn ?? '';
	const layout = open.parentElement;
	open.remove();
	open = null;
	const placeholder = layout?.querySelector(':scope > .placeholder');
	if (placeholder instanceof HTMLElement) placeholder.hidden = false;
	const mark = shownMark(id);
	if (mark instanceof HTMLElement) mark.focus();
}

/** Copy link, as the panel's own: the link on the clipboard, or shown to copy by hand. */
async function copyLink(/** @type {HTMLElement} */ panel, /** @type {string} */ path) {
	// This file sits at the site's root: links from the root resolve against it.
	const link = new URL(path, new URL('.', import.meta.url)).href;
	let said = 'Link copied';
	try {
		await navigator.clipboard.writeText(link);
	} catch {
		said = link;
	}
	let status = panel.querySelector(':scope > .copied');
	if (!status) {
		status = document.createElement('p');
		status.setAttribute('role', 'status');
		// The panel's scoped class (Svelte's svelte-… hash), for the panel's own style of it.
		status.className = ['copied', ...[...panel.classList].filter((name) => name.startsWith('svelte-'))].join(' ');
		panel.querySelector(':scope > .bar')?.after(status);
	}
	status.textContent = said;
}

function show(/** @type {string} */ id, /** @type {HTMLTemplateElement} */ template) {
	const layout = slotOf()?.querySelector('.layout');
	const panel = template.content.querySelector('section.panel')?.cloneNode(true);
	if (!(layout instanceof HTMLElement) || !(panel instanceof HTMLElement)) return false;
	close();
	// As the first stage draws its panel: in the layout, in the placeholder's place, as tall as
	// the plot's block beside it.
	const placeholder = layout.querySelector(':scope > .placeholder');
	if (placeholder instanceof HTMLElement) placeholder.hidden = true;
	const block = layout.querySelector('.sticky');
	if (block instanceof HTMLElement) layout.style.setProperty('--plot-block', `${block.offsetHeight}px`);
	panel.dataset.predrawn = id;
	layout.append(panel);
	open = panel;
	panel.querySelector('button.close')?.addEventListener('click', close);
	panel.querySelector('.bar button:not(.close)')?.addEventListener('click', () => copyLink(panel, template.dataset.share ?? ''));
	const title = panel.querySelector('#details-title');
	if (title instanceof HTMLElement) title.focus({ preventScroll: true });
	return true;
}

/** The server's panel for an event, once parsed. */
function templateOf(/** @type {string} */ id) {
	const template = document.querySelector(`template[data-panel-for="${CSS.escape(id)}"]`);
	return template instanceof HTMLTemplateElement ? template : null;
}

/** The click waiting for its event's template while the page is parsed, and its watcher. */
let waiting = /** @type {{ id: string; watcher: MutationObserver } | null} */ (null);

/** Shows the event's panel as soon as the parser has reached its template (a later click replaces it). */
function whenParsed(/** @type {string} */ id) {
	waiting?.watcher.disconnect();
	const check = () => {
		if (waiting?.watcher !== watcher) return;
		const template = templateOf(id);
		if (!template && document.readyState === 'loading') return;
		watcher.disconnect();
		waiting = null;
		if (template && prerendered()) show(id, template);
	};
	const watcher = new MutationObserver(check);
	watcher.observe(document, { childList: true, subtree: true });
	waiting = { id, watcher };
	// The end of parsing, should no mutation come after the template.
	document.addEventListener('DOMContentLoaded', check, { once: true });
}

document.addEventListener('click', (event) => {
	// A modified click keeps the link's own meaning (a new tab, a download).
	if (!prerendered() || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
	const mark = event.target instanceof Element ? event.target.closest('.live-slot a[data-event-id]') : null;
	const id = mark instanceof HTMLElement ? mark.dataset.eventId : undefined;
	if (!id) return;
	const template = templateOf(id);
	if (template) {
		if (show(id, template)) event.preventDefault();
	} else if (document.readyState === 'loading' && document.querySelector('main[data-predrawn-panels]')) {
		// The page carries panels, and this one is still on its way: answered once it is parsed.
		event.preventDefault();
		whenParsed(id);
	}
});

// Escape in the panel, or on the plot, closes it (as the first stage's panel and plot do).
document.addEventListener('keydown', (event) => {
	if (!prerendered() || !open || event.key !== 'Escape') return;
	const target = event.target instanceof Element ? event.target : null;
	if (!target || !(open.contains(target) || target.closest('.plot'))) return;
	event.preventDefault();
	close();
});

/**
 * Starts the app (SvelteKit's boot script, left inert by the server: lib/server/defer-boot.ts)
 * once the page is parsed and painted, so that a mark answers before any of the app's code is
 * fetched: its first modules preloaded, then the same text as a new inline script in its place (SvelteKit reads the element it is
 * in), which the page's content security policy allows by its hash.
 */
function bootApp() {
	const inert = /** @type {HTMLScriptElement | null} */ (document.querySelector('script[data-app-boot]'));
	if (!inert) return;
	// The app's first modules, fetched side by side rather than one import after another.
	for (const href of (inert.dataset.preload ?? '').split(' ').filter(Boolean)) {
		const link = document.createElement('link');
		link.rel = 'modulepreload';
		link.href = href;
		document.head.append(link);
	}
	const script = document.createElement('script');
	script.textContent = inert.textContent;
	inert.replaceWith(script);
}

function bootAfterPaint() {
	// Two frames: the first paints the page, and the reader's first click comes before the app's
	// code is asked for. A frame not painted boots after a second.
	const timer = setTimeout(bootApp, 1000);
	requestAnimationFrame(() =>
		requestAnimationFrame(() =>
			setTimeout(() => {
				clearTimeout(timer);
				bootApp();
			})
		)
	);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', bootAfterPaint, { once: true });
else bootAfterPaint();
