// The embed's very first script: a prerendered mark opens its event in place from the first paint,
// before the app's own script (SvelteKit, Svelte, the first stage) has: the
// app boots only once the page is painted (lib/server/defer-boot.ts). The server drew every
// event's panel into an inert <template data-panel-for="id"> (PredrawnPanels); a click (or Enter)
// on a mark shows a copy where the first stage would draw its panel, with focus on its title;
// Close or Escape take it away and focus the mark again. The app's first stage takes it over as it
// starts (routes/embed/+page.svelte: it opens the same event in its own panel), and from then on
// this script does nothing: it answers only while the page is at its prerendered stage. Where a
// mark has no template (a large timeline carries none), the click is left to the app, or to the
// mark's link.
//
// Plain JavaScript, not part of the app's bundle: the server writes it inline at the top of the
// page's head (lib/server/defer-boot.ts; the content security policy allows it by its hash), so it
// runs before anything is drawn, with nothing to fetch. It listens on the document and finds the
// marks and templates when a click comes (the page may still be being parsed). The app does not
// depend on it. In a sandboxed frame (an opaque origin) it leaves the marks alone: there the app's
// modules may never load (a host without CORS headers), and a panel's Cite would stay empty; marks
// stay links until the app, if it comes, answers them.
// @ts-check
(() => {

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

	/** In a frame, the host's embed.js sizes it to its content: told of the panel opening and closing. */
	function reportSize() {
		if (window.parent !== window) window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: Math.ceil(document.documentElement.offsetHeight) }, '*');
	}

	/** Takes the open panel out, the placeholder back; its event's id, or null if none was open. */
	function takeOut() {
		if (!open) return null;
		const id = open.dataset.predrawn ?? '';
		const placeholder = open.parentElement?.querySelector(':scope > .placeholder');
		if (placeholder instanceof HTMLElement) placeholder.hidden = false;
		open.remove();
		open = null;
		return id;
	}

	/** Close or Escape: the panel goes, and focus goes back to its event's mark. */
	function close() {
		stopWaiting();
		const id = takeOut();
		if (id === null) return;
		const mark = shownMark(id);
		if (mark instanceof HTMLElement) mark.focus();
		reportSize();
	}

	/** Copy link, as the panel's own: the link on the clipboard, or shown to copy by hand. */
	async function copyLink(/** @type {HTMLElement} */ panel, /** @type {string} */ path) {
		// Relative to the page, as all its links are.
		const link = new URL(path, location.href).href;
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
		// Another event's panel gives way (focus goes to the new one's title, not back to a mark).
		takeOut();
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
		reportSize();
		return true;
	}

	/**
	 * The server's panel for an event, once parsed whole: the parser puts a template in the page at its
	 * opening tag and fills it as it reads on, so while the page is loading one counts only once
	 * something follows it.
	 */
	function templateOf(/** @type {string} */ id) {
		const template = document.querySelector(`template[data-panel-for="${CSS.escape(id)}"]`);
		if (!(template instanceof HTMLTemplateElement)) return null;
		return document.readyState !== 'loading' || template.nextSibling ? template : null;
	}

	/** The click waiting for its event's template while the page is parsed, and its watcher. */
	let waiting = /** @type {{ id: string; watcher: MutationObserver } | null} */ (null);

	function stopWaiting() {
		waiting?.watcher.disconnect();
		waiting = null;
	}

	/** Shows the event's panel as soon as the parser has read its template (a later click replaces it). */
	function whenParsed(/** @type {string} */ id) {
		stopWaiting();
		const check = () => {
			if (waiting?.watcher !== watcher) return;
			const template = templateOf(id);
			if (!template && document.readyState === 'loading') return;
			stopWaiting();
			if (template && prerendered()) show(id, template);
		};
		const watcher = new MutationObserver(check);
		watcher.observe(document, { childList: true, subtree: true });
		waiting = { id, watcher };
		// The end of parsing, should no mutation come after the template.
		document.addEventListener('DOMContentLoaded', check, { once: true });
	}

	// A sandboxed frame's origin is opaque: see above.
	const answers = window.origin !== 'null';

	document.addEventListener('click', (event) => {
		if (!answers) return;
		// A modified click keeps the link's own meaning (a new tab, a download).
		if (!prerendered() || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
		const mark = event.target instanceof Element ? event.target.closest('.live-slot a[data-event-id]') : null;
		const id = mark instanceof HTMLElement ? mark.dataset.eventId : undefined;
		if (!id) return;
		const template = templateOf(id);
		if (template) {
			stopWaiting();
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

	// For tests and tools, as main[data-stage] says how far the app has come: this script answers.
	document.documentElement.dataset.firstClick = 'ready';
})();
