// A page's very first script: a prerendered mark opens its event in place from the first paint,
// before the app's own script (SvelteKit, Svelte, the first stage) has: the app boots only once
// the page is painted (lib/server/defer-boot.ts). What the panel shows comes from the page as the
// server wrote it:
// - the embed carries every event's panel, drawn whole, in an inert <template data-panel-for="id">
//   (PredrawnPanels); a copy goes where the first stage draws its panel. A large timeline's panels
//   come in parts, files of their own (routes/embed-panels): the part of a clicked event is fetched
//   and its templates read into the page;
// - the full page carries the panel's frame, in its story step and in a phone's sheet
//   (<template data-panel-chrome>, PanelChrome), and its story steps already show every event's
//   details: a copy of the step's details goes into a copy of the frame, which opens in the step
//   beside the plot (the plot moves beside the story, as the first stage has it) or, below 960 px,
//   as a modal sheet.
// Focus goes to the panel's title; Close or Escape take it away and focus the mark again (or, where
// the plot beside the story shows none, the event's step). The
// app's first stage takes it over as it starts (lib/first-click/takeover.ts: it opens the same event
// in its own panel), and from then on this script does nothing: it answers only while the page is
// at its prerendered stage. Where the page carries nothing for a mark (the full page of a large
// timeline has no first script at all), the click is left to the app, or to the mark's link.
//
// Plain JavaScript, not part of the app's bundle: the server writes it inline at the top of the
// page's head (lib/server/defer-boot.ts; the content security policy allows it by its hash), so it
// runs before anything is drawn, with nothing to fetch first. It listens on the document and finds the
// marks and templates when a click comes (the page may still be being parsed). The app does not
// depend on it. In a sandboxed frame (an opaque origin) it leaves the marks alone: there the app's
// modules may never load (a host without CORS headers), and a panel's Cite would stay empty; marks
// stay links until the app, if it comes, answers them.
// @ts-check
(() => {
	/** The page it is in, as the server says on this script's element (lib/server/defer-boot.ts). */
	const page = document.currentScript?.dataset.firstClick === 'embed' ? 'embed' : 'site';

	// The embed's colour scheme from its query (?theme=light|dark, as lib/timeline/embed.ts reads it),
	// at once: the app, which sets it too, boots only once the page is painted.
	const theme = new URLSearchParams(location.search).get('theme');
	if (page === 'embed' && (theme === 'light' || theme === 'dark')) document.documentElement.dataset.scheme = theme;

	/**
	 * The full page's story steps skip layout off screen, each counted meanwhile as a step of
	 * typical height; before a jump to a step the story is laid out whole, so that it lands where
	 * aimed (as lib/actions/layOutStory.ts does; keep the two alike).
	 */
	const layOutStory = () => (document.documentElement.dataset.storyLaidOut = '');
	// A page that opens at a place in the story jumps there as it loads: to a step (#event-…), or
	// back where the reader was (a reload, Back or Forward, whose offset the browser restores).
	const navigation = /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType?.('navigation')[0]);
	if (page === 'site' && (location.hash.startsWith('#event-') || navigation?.type === 'reload' || navigation?.type === 'back_forward')) layOutStory();
	// Focus moving into the story (Tab, a link followed) scrolls what it lands on into view, after
	// focusin: a jump too, whose place the steps before it decide.
	if (page === 'site')
		document.addEventListener('focusin', (event) => {
			if (event.target instanceof Element && event.target.closest('section.list')) layOutStory();
		});

	/**
	 * A panel built for an event: `root` is what goes in the page (the panel itself, or the sheet
	 * around it), `share` the link Copy link copies, relative to the page.
	 * @typedef {{ id: string; place: 'beside' | 'step' | 'sheet'; root: HTMLElement; panel: HTMLElement; share: string }} Built
	 */

	/** The panel this script opened, or null. */
	let open = /** @type {Built | null} */ (null);

	/** Only while the page is as the server wrote it: once the app's first stage is up, it answers. */
	const prerendered = () => /** @type {HTMLElement | null} */ (document.querySelector('main[data-stage]'))?.dataset.stage === 'prerendered';
	/** The slot of the server's timeline markup. */
	const slotOf = () => document.querySelector('.live-slot');
	/** The full page's layout is the phone's below 960 px (as the first stage and the live timeline have it). */
	const phone = () => matchMedia('(max-width: 959px)').matches;
	const stepOf = (/** @type {string} */ id) => slotOf()?.querySelector(`[data-step-id="${CSS.escape(id)}"]`) ?? null;

	/** The shown mark of an event: each prerendered width range has its own, one is displayed. */
	function shownMark(/** @type {string} */ id, selector = 'a[data-event-id]') {
		return /** @type {HTMLElement[]} */ ([...(slotOf()?.querySelectorAll(selector) ?? [])]).find((mark) => mark.dataset.eventId === id && mark.getClientRects().length > 0);
	}

	/** In a frame, the host's embed.js sizes it to its content: told of the panel opening and closing. */
	function reportSize() {
		if (page === 'embed' && window.parent !== window) window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: Math.ceil(document.documentElement.offsetHeight) }, '*');
	}

	/**
	 * A node the parser has read whole: something follows it in the page. The parser puts an
	 * element in the page at its opening tag and fills it as it reads on.
	 */
	function readWhole(/** @type {Node} */ node) {
		if (document.readyState !== 'loading') return true;
		for (let at = /** @type {Node | null} */ (node); at; at = at.parentNode) if (at.nextSibling) return true;
		return false;
	}

	/**
	 * The event's details as its story step shows them, for a panel: without the step's "Show on
	 * timeline" (the first stage's panel has none), the title as the panel's (#details-title), and
	 * in a sheet every heading a level up (the panel's title is an h2, the step's an h3).
	 */
	function detailsOf(/** @type {Element} */ step, /** @type {0 | 1} */ up) {
		const holder = document.createElement('div');
		// The details are in the step's island (EventList: .step-details), hydrated after the app.
		const details = step.querySelector(':scope > article > .step-details') ?? step.querySelector(':scope > article');
		for (const node of details?.childNodes ?? []) {
			if (node instanceof Element && node.matches('button.show, section.panel')) continue;
			holder.append(node.cloneNode(true));
		}
		holder.querySelector(':scope > .title')?.setAttribute('id', 'details-title');
		if (up)
			for (const heading of holder.querySelectorAll('h3, h4, h5, h6')) {
				const higher = document.createElement(`h${Number(heading.tagName[1]) - 1}`);
				for (const { name, value } of heading.attributes) higher.setAttribute(name, value);
				higher.append(...heading.childNodes);
				heading.replaceWith(higher);
			}
		return [...holder.childNodes];
	}

	/** The embed's panel parts (lib/first-click/predrawn.ts): how each fetch went. */
	const parts = /** @type {Map<number, 'pending' | 'in' | 'failed'>} */ (new Map());
	/**
	 * The templates of the parts fetched, by event: kept out of the page, whose markup the app
	 * hydrates as the server wrote it.
	 */
	const fetched = /** @type {Map<string, HTMLTemplateElement>} */ (new Map());

	/**
	 * The part of the embed's panels an event is in, as lib/first-click/predrawn.ts's panelPartOf
	 * (FNV-1a of the id, modulo the parts; keep the two alike).
	 */
	function partOf(/** @type {string} */ id, /** @type {number} */ count) {
		let hash = 0x811c9dc5;
		for (let i = 0; i < id.length; i++) {
			hash ^= id.charCodeAt(i);
			hash = Math.imul(hash, 0x01000193) >>> 0;
		}
		return hash % count;
	}

	/**
	 * Where the embed's panels come in parts: asks for the event's part (once), whose templates are
	 * read into the page when it comes. Undefined while it is on its way, null if it could not be
	 * had (or lacks the event), 'no parts' where the page has none.
	 * @returns {undefined | null | 'no parts'}
	 */
	function fetchPart(/** @type {string} */ id) {
		const main = /** @type {HTMLElement | null} */ (document.querySelector('main[data-panel-parts]'));
		const count = Number(main?.dataset.panelParts);
		if (!main || !(count > 0)) return 'no parts';
		const part = partOf(id, count);
		const state = parts.get(part);
		// A part read in that lacks the event has nothing for it either.
		if (state === 'in') return null;
		if (state === 'pending') return undefined;
		if (state === 'failed' && waiting?.id === id) return null;
		parts.set(part, 'pending');
		fetch(new URL(`${main.dataset.panelPartsHref ?? ''}${part}.html`, location.href))
			.then((response) => {
				if (!response.ok) throw new Error(`${response.status}`);
				return response.text();
			})
			.then((text) => {
				// Data is text: the part is parsed inert (no script runs in a parsed document) and only
				// its templates are taken.
				parts.set(part, 'in');
				const parsed = new DOMParser().parseFromString(text, 'text/html');
				for (const template of parsed.querySelectorAll('template[data-panel-for]')) {
					if (template instanceof HTMLTemplateElement && template.dataset.panelFor) fetched.set(template.dataset.panelFor, template);
				}
			})
			// A later click asks again.
			.catch(() => parts.set(part, 'failed'))
			.finally(() => waiting?.check());
		return undefined;
	}

	/**
	 * The event's panel, built from what the server put in the page: null if the page carries none
	 * for it, undefined if what it needs is not read whole yet.
	 * @returns {Built | null | undefined}
	 */
	function build(/** @type {string} */ id) {
		const loading = document.readyState === 'loading';
		if (page === 'embed') {
			const own = fetched.get(id);
			const template = own ?? document.querySelector(`template[data-panel-for="${CSS.escape(id)}"]`);
			if (!(template instanceof HTMLTemplateElement)) {
				const part = fetchPart(id);
				return part !== 'no parts' ? part : loading ? undefined : null;
			}
			if (!own && !readWhole(template)) return undefined;
			const panel = template.content.querySelector('section.panel')?.cloneNode(true);
			return panel instanceof HTMLElement ? { id, place: 'beside', root: panel, panel, share: template.dataset.share ?? '' } : null;
		}
		const place = phone() ? 'sheet' : 'step';
		const frame = document.querySelector(`template[data-panel-chrome="${place}"]`);
		const step = stepOf(id);
		if (!(frame instanceof HTMLTemplateElement) || !step) return loading ? undefined : null;
		if (!readWhole(frame) || !readWhole(step)) return undefined;
		const root = frame.content.firstElementChild?.cloneNode(true);
		const panel = root instanceof HTMLElement && root.matches('section.panel') ? root : root instanceof HTMLElement ? root.querySelector('section.panel') : null;
		const body = panel?.querySelector(':scope > .body');
		if (!(root instanceof HTMLElement) || !(panel instanceof HTMLElement) || !body) return null;
		// The frame was drawn around a sample event: its details give way to this event's.
		body.replaceChildren(...detailsOf(step, place === 'sheet' ? 1 : 0), ...body.querySelectorAll(':scope > details.cite'));
		/** @type {Record<string, string>} */
		const shares = JSON.parse(document.querySelector('template[data-panel-chrome="step"]')?.getAttribute('data-share') ?? '{}');
		return { id, place, root, panel, share: shares[id] ?? '' };
	}

	/** Takes the open panel out (and what it changed, but the plot beside the story); its event's id, or null. */
	function takeOut() {
		if (!open) return null;
		const { id, place, root } = open;
		open = null;
		if (place === 'beside') {
			const placeholder = root.parentElement?.querySelector(':scope > .placeholder');
			if (placeholder instanceof HTMLElement) placeholder.hidden = false;
		}
		if (place === 'step') stepOf(id)?.classList.remove('open', 'first-open');
		if (root instanceof HTMLDialogElement && root.open) root.close();
		root.remove();
		return id;
	}

	/**
	 * Close or Escape: the panel goes, and focus goes back to its event's mark, or where the plot
	 * shows none (in a "+N", the plot having moved beside the story) to its story step.
	 */
	function close() {
		stopWaiting();
		const id = takeOut();
		if (id === null) return;
		const mark = shownMark(id) ?? stepOf(id)?.querySelector(':scope > article');
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

	/** Puts a built panel where the first stage draws its own: beside the embed's plot, in the story step, or a sheet. */
	function place(/** @type {Built} */ built) {
		const slot = slotOf();
		const layout = slot?.querySelector('.layout');
		if (!(layout instanceof HTMLElement)) return false;
		if (built.place === 'beside') {
			// In the placeholder's place, as tall as the plot's block beside it.
			const placeholder = layout.querySelector(':scope > .placeholder');
			if (placeholder instanceof HTMLElement) placeholder.hidden = true;
			const block = layout.querySelector('.sticky');
			if (block instanceof HTMLElement) layout.style.setProperty('--plot-block', `${block.offsetHeight}px`);
			layout.append(built.root);
		} else if (built.place === 'step') {
			const step = stepOf(built.id);
			const article = step?.querySelector(':scope > article');
			if (!step || !article) return false;
			step.classList.add('open', 'first-open');
			// The plot goes beside the story and sticks there, its first view's row kept as tall as it
			// was (as the first stage has it: routes/(site)/+page.svelte); the live timeline starts
			// from the first view's width, kept on the layout for the app.
			const column = layout.querySelector('.plot-column');
			if (layout.classList.contains('first') && column instanceof HTMLElement) {
				layout.dataset.firstViewWidth = String(column.querySelector('.plot')?.clientWidth ?? '');
				layout.style.setProperty('--first-view', `${column.offsetHeight}px`);
				layout.classList.remove('first');
			}
			article.append(built.root);
			// Brought into view unless it is above the reading line (lib/actions/observeSteps.ts, readingLineAt),
			// the story laid out whole first, so the jump lands where aimed (layOutStory).
			const top = step.getBoundingClientRect().top;
			const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
			if (top < 0 || top > Math.round(innerHeight / 3)) {
				layOutStory();
				step.scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
			}
		} else {
			const sheet = built.root;
			if (!(sheet instanceof HTMLDialogElement)) return false;
			layout.append(sheet);
			// As the app's sheet (Sheet.svelte): modal, Esc or a tap on its backdrop closes it.
			sheet.addEventListener('cancel', (event) => (event.preventDefault(), close()));
			sheet.addEventListener('click', (event) => event.target === sheet && close());
			sheet.showModal();
		}
		return true;
	}

	function show(/** @type {Built} */ built) {
		// Another event's panel gives way (focus goes to the new one's title, not back to a mark).
		takeOut();
		built.panel.dataset.predrawn = built.id;
		if (!place(built)) return false;
		open = built;
		const { panel, share } = built;
		panel.querySelector('button.close')?.addEventListener('click', close);
		panel.querySelector('.bar button:not(.close)')?.addEventListener('click', () => copyLink(panel, share));
		const title = panel.querySelector('#details-title');
		if (title instanceof HTMLElement) title.focus({ preventScroll: true });
		reportSize();
		return true;
	}

	/** The click waiting for what its event's panel needs (the page being parsed, a part fetched), its watcher and check. */
	let waiting = /** @type {{ id: string; watcher: MutationObserver; check: () => void } | null} */ (null);

	function stopWaiting() {
		waiting?.watcher.disconnect();
		waiting = null;
	}

	/**
	 * Shows the event's panel as soon as what it needs has come (the parser has read it, or its part
	 * is in; a later click replaces it); should the page have nothing for it after all, follows the
	 * mark's link, as the click would have.
	 */
	function whenParsed(/** @type {string} */ id, /** @type {string} */ href) {
		stopWaiting();
		const check = () => {
			if (waiting?.watcher !== watcher) return;
			const built = build(id);
			if (built === undefined) return;
			stopWaiting();
			// The app came first: the click is its to answer now (on its mark, or the live plot's).
			if (!prerendered()) shownMark(id, '.plot [data-event-id]')?.click();
			else if (built) show(built);
			else location.assign(href);
		};
		const watcher = new MutationObserver(check);
		watcher.observe(document, { childList: true, subtree: true });
		waiting = { id, watcher, check };
		// The end of parsing, should no mutation come after what it waits for.
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
		const built = build(id);
		if (built) {
			stopWaiting();
			if (show(built)) event.preventDefault();
		} else if (built === undefined && document.querySelector('main[data-predrawn-panels]')) {
			// The page carries panels, and what this one needs is still on its way: answered once it has come.
			event.preventDefault();
			whenParsed(id, /** @type {HTMLAnchorElement} */ (mark).href);
		}
	});

	// Escape in the panel, or on the plot, closes it (as the first stage's panel and plot do).
	document.addEventListener('keydown', (event) => {
		if (!prerendered() || !open || event.key !== 'Escape') return;
		const target = event.target instanceof Element ? event.target : null;
		if (!target || !(open.root.contains(target) || target.closest('.plot'))) return;
		event.preventDefault();
		close();
	});

	// For tests and tools, as main[data-stage] says how far the app has come: this script answers.
	document.documentElement.dataset.firstClick = 'ready';
})();
