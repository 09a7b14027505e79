/**
 * A live component on demand, over markup the server rendered into `slot` (AdoptedSlot keeps it
 * as the server wrote it). Until the component has loaded, a click (or Enter) on a prerendered mark
 * (a link to its event) is the page's to answer (`onmark`), Escape on the plot too (`onescape`),
 * and the plot's own gestures are held: ctrl + wheel, a double-click on the background, a mouse
 * drag, and the keys the live plot answers (arrows, Home, End, +, −, 0, ?). The component loads
 * when the page is idle or at the plot's first other gesture (a drag, a key, a wheel), and takes
 * the slot over: it hydrates the prerendered markup, which it draws the same (or, where the first
 * stage has changed that markup, is mounted in its place). It gets back
 * what the reader did meanwhile: focus on the mark it was on (`props` is told which), the held
 * gestures (played again on the live plot, in order, as the same events where they happened), a
 * "+N" clicked (it opens as the live plot opens it), the open panel's scroll and Cite, and focus on
 * another element of the slot (a link in the story), found again at the same place in the live
 * markup. The mount waits while a pointer is down and, unasked, while the reader is in the open
 * panel or has text selected in the slot.
 */
import { flushSync, hydrate, mount, unmount, type Component } from 'svelte';
import { plotKeyCommand } from '$lib/timeline/plot-keys';
import { FIRST_USE, followMouseDrag, suppressNextClick, whenIdle } from './onDemand';

/** What the first stage adds to the server's markup: its panel, and the story step it opened in. */
const FIRST_STAGE_MARKUP = 'section.panel, .first-open';

export interface LiveOnDemandOptions<Props extends object> {
	load: () => Promise<{ default: Component<Props> }>;
	/** The component's props, read when it is mounted; `focusedMark` is the mark focus was on. */
	props: (meanwhile: { focusedMark?: string }) => Props;
	/** The page's contexts, for the component's getContext calls. */
	context: Map<unknown, unknown>;
	/** A plain click (or Enter) on a prerendered mark, before the component is there. */
	onmark: (id: string) => void;
	/** Escape on the plot, before the component is there. */
	onescape: () => void;
	/** The component is mounted. */
	onlive: () => void;
	/**
	 * Unasked, wait while focus is in the open panel (default true: the embed, whose panel keeps a
	 * "Link copied" or a scroll the live one would lose). The full page says false: its first panel
	 * is where a reader reads, often for long, and until the live timeline comes Back leaves the
	 * page rather than closing the event; focus on the panel is put back on its title.
	 */
	waitWhileInPanel?: boolean;
	/**
	 * Takes what the first stage added to the slot's markup out, where that moves nothing on screen
	 * (the full page's sheet), just before the component takes the slot over, which it
	 * then hydrates; returns how to put it back should the component fail (nothing taken: undefined).
	 */
	withdrawFirstStage?: () => (() => void) | undefined;
}

/** A deep copy of an element's children. */
const copyOf = (element: HTMLElement) => [...element.childNodes].map((node) => node.cloneNode(true));

/**
 * A copy of the slot's markup taken now; `take()` gives it back, or null if the markup has changed
 * since (the first stage opened or closed a panel), and stops watching.
 */
function copyAhead(slot: HTMLElement) {
	let copy: Node[] | null = copyOf(slot);
	const watcher = new MutationObserver(() => (copy = null));
	watcher.observe(slot, { subtree: true, childList: true, attributes: true, characterData: true });
	return {
		take(): Node[] | null {
			if (watcher.takeRecords().length > 0) copy = null;
			watcher.disconnect();
			return copy;
		}
	};
}

/** What a reader did in the open panel that a panel drawn in its place keeps: its scroll, an open Cite. */
export function panelState(root: ParentNode) {
	return {
		scrolled: root.querySelector<HTMLElement>('section.panel .body')?.scrollTop ?? 0,
		citeOpen: root.querySelector<HTMLDetailsElement>('section.panel details.cite')?.open ?? false
	};
}

/** Gives the panel now open in `root` what the reader did in the one before it (panelState). */
export function restorePanelState(root: ParentNode, { scrolled, citeOpen }: ReturnType<typeof panelState>) {
	const body = root.querySelector<HTMLElement>('section.panel .body');
	if (body) body.scrollTop = scrolled;
	const cite = root.querySelector<HTMLDetailsElement>('section.panel details.cite');
	if (cite && citeOpen) cite.open = true;
}

/** The prerendered mark (a link to its event) an event happened on, or null. */
export const markOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLElement>('a[data-event-id]') : null);

/** An event's mark as shown: each prerendered width range has its own, and only one is displayed. */
export function shownMark(root: ParentNode, id: string): HTMLElement | undefined {
	return [...root.querySelectorAll<HTMLElement>(`[data-event-id="${CSS.escape(id)}"]`)].find((mark) => mark.getClientRects().length > 0);
}

/**
 * Where focus goes back to as an event's first panel closes: its mark as shown, or, where the plot
 * shows none (in a "+N", the plot having moved beside the story), the event's story step.
 */
export const markOrStep = (root: ParentNode, id: string): HTMLElement | undefined =>
	shownMark(root, id) ?? root.querySelector<HTMLElement>(`[data-step-id="${CSS.escape(id)}"] > article`) ?? undefined;

/** Keys that move between or open marks (links, before the component): not a wish for the live plot. */
const LINK_KEYS = new Set(['Tab', 'Shift', 'Enter', ' ', 'Escape']);
/** How many frames to wait for the mounted plot's marks (the live plot draws them at once; a frame hidden at mount may take longer). */
const DRAW_FRAMES = 120;

export function liveOnDemand<Props extends object>(slot: HTMLElement, options: LiveOnDemandOptions<Props>) {
	let live: ReturnType<typeof mount> | undefined;
	let loading = false;
	let destroyed = false;
	/** The plot's gestures made before the live plot was there, to play on it once drawn. */
	let held: Replay[] = [];
	let heldCluster: string | undefined;
	let pointerDown = false;
	/** A mouse drag on the prerendered plot, under way. */
	let drag: { lastX: number; stop: () => void } | null = null;

	const onPlot = (target: EventTarget | null) => target instanceof Element && target.closest('.plot') !== null && slot.contains(target);

	function onClick(event: MouseEvent) {
		// A modified click keeps the link's own meaning (a new tab, a download).
		if (live || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
		const mark = markOf(event.target);
		const cluster = event.target instanceof Element ? event.target.closest<HTMLElement>('a[data-cluster]') : null;
		if (mark) {
			event.preventDefault();
			options.onmark(mark.dataset.eventId!);
		} else if (cluster) {
			// A "+N" opens as the live plot opens it (zoomed to its events, or their list): held for it.
			event.preventDefault();
			heldCluster = cluster.dataset.cluster!;
			goLive();
		}
	}

	function onKeydown(event: KeyboardEvent) {
		if (live || !onPlot(event.target)) return;
		if (event.key === 'Escape') return options.onescape();
		// A key the live plot answers (TimelinePlot: move between events, zoom, reset, help) is
		// played to the element focus is on then: the mark it was on, as here.
		if (!plotKeyCommand(event, 0, 1, 2)) return;
		event.preventDefault();
		held.push((plot) => {
			// Not if the reader has since taken focus out of the plot: the plot would take it back.
			const focused = document.activeElement;
			if (focused && plot.contains(focused)) focused.dispatchEvent(new KeyboardEvent('keydown', event));
		});
	}

	/** ctrl + wheel on the plot zooms the plot, not the page: held until the live plot can take it. */
	function onWheel(event: WheelEvent) {
		if (live || !(event.ctrlKey || event.metaKey) || !onPlot(event.target)) return;
		event.preventDefault();
		const point = plotPoint(event);
		const { deltaX, deltaY, deltaZ, deltaMode, ctrlKey, metaKey, shiftKey, altKey } = event;
		held.push((plot) => {
			const { target, clientX, clientY } = placeOn(plot, point);
			target.dispatchEvent(new WheelEvent('wheel', { ...eventInit(), clientX, clientY, deltaX, deltaY, deltaZ, deltaMode, ctrlKey, metaKey, shiftKey, altKey }));
		});
	}

	/** A double-click on the plot's background zooms the live plot about the pointer (an event's mark opens it). */
	function onDoubleClick(event: MouseEvent) {
		if (live || !onPlot(event.target) || (event.target as Element).closest('a')) return;
		const point = plotPoint(event);
		const { shiftKey } = event;
		held.push((plot) => {
			const { target, clientX, clientY } = placeOn(plot, point);
			target.dispatchEvent(new MouseEvent('dblclick', { ...eventInit(), clientX, clientY, shiftKey, detail: 2 }));
		});
	}

	/**
	 * A mouse drag on the plot pans the live plot by as much; one that began on a mark does not open
	 * it. A click that wobbles less than DRAG_MIN px is a click, and a modified one keeps the link's
	 * meaning (a new tab).
	 */
	function onDragStart(event: PointerEvent) {
		// A drag whose pointerup never came (released outside the window) ends here, unplayed.
		drag?.stop();
		drag = null;
		if (live || event.pointerType === 'touch' || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || !onPlot(event.target)) return;
		const x = event.clientX;
		const point = plotPoint(event);
		const moving = (drag = { lastX: x, stop: () => {} });
		moving.stop = followMouseDrag(
			event,
			(to) => (moving.lastX = to),
			(cancelled) => {
				drag = null;
				const dx = moving.lastX - x;
				if (cancelled || Math.abs(dx) < DRAG_MIN) return;
				suppressNextClick();
				held.push((plot) => replayDrag(plot, point, dx));
				// Begun on a mark, its pointerdown did not ask for the live plot: the drag does.
				goLive();
			}
		);
	}

	/** A gesture on the plot that is not opening a mark: the live plot is wanted now. */
	function onFirstUse(event: Event) {
		if (!onPlot(event.target)) return;
		if ((event.type === 'pointerdown' || event.type === 'touchstart') && markOf(event.target)) return;
		if (event instanceof KeyboardEvent && LINK_KEYS.has(event.key)) return;
		goLive();
	}

	// The mount waits while a button is down: it would take the link under the pointer, and the click with it.
	const onPointerDown = () => (pointerDown = true);
	const onPointerUp = () => (pointerDown = false);
	const pointerReleased = () =>
		new Promise<void>((resolve) => {
			if (!pointerDown) return resolve();
			// After the click that follows the release, which is dispatched in the same task.
			addEventListener('pointerup', () => setTimeout(resolve), { once: true });
			addEventListener('pointercancel', () => setTimeout(resolve), { once: true });
		});

	/**
	 * Unasked (idle), the mount also waits while the reader is in the first panel (focus or a
	 * selection in it): mounted, the live timeline draws the panel again, and what the reader was
	 * doing there (a "Link copied" just shown, a selection) would be lost.
	 */
	let asked = false;
	let recheck = () => {};
	const readerLeftPanel = () =>
		new Promise<void>((resolve) => {
			// Focus in the open panel, or a selection anywhere in the slot (the story's text too).
			const inPanel = () => {
				const panel = slot.querySelector('section.panel');
				const selection = getSelection();
				const focused = (options.waitWhileInPanel ?? true) && !!panel && panel.contains(document.activeElement);
				return focused || (!!selection && !selection.isCollapsed && slot.contains(selection.anchorNode));
			};
			if (asked || !inPanel()) return resolve();
			const stop = () => {
				document.removeEventListener('focusin', later);
				document.removeEventListener('focusout', later);
				document.removeEventListener('selectionchange', later);
			};
			const check = () => {
				if (destroyed) return stop();
				if (!asked && inPanel()) return;
				stop();
				resolve();
			};
			// A gesture on the plot asks for the live timeline meanwhile: it comes at once.
			recheck = check;
			// After focus has settled on its new element. Both ways: closing the panel removes the
			// focused button (no focusout) and the page then focuses the mark (a focusin).
			const later = () => setTimeout(check);
			document.addEventListener('focusin', later);
			document.addEventListener('focusout', later);
			document.addEventListener('selectionchange', later);
		});

	async function goLive(unasked = false) {
		if (!unasked) {
			asked = true;
			recheck();
		}
		if (live || loading || destroyed) return;
		loading = true;
		let component: Component<Props>;
		let copy: ReturnType<typeof copyAhead> | undefined;
		try {
			component = (await options.load()).default;
			// The modules' evaluation and the mount in separate tasks, each shorter: input in between waits less.
			await new Promise((resolve) => setTimeout(resolve));
			/** Waits while a pointer is down and, unasked, while the reader is in the panel. */
			const readerDone = async () => {
				await pointerReleased();
				if (!unasked) return;
				await readerLeftPanel();
				// Leaving the panel (or a selection) is often the pointerdown of a click: let it land first.
				await pointerReleased();
			};
			await readerDone();
			// The copy to put back should the component fail, taken in a task of its own too.
			copy = copyAhead(slot);
			await new Promise((resolve) => setTimeout(resolve));
			// A click may have come between those tasks (a "Link copied" the mount would lose): asked
			// again, so that from here to the mount nothing can come between (it resolves at once
			// when there is nothing to wait for).
			await readerDone();
		} catch {
			// Not loaded (a redeploy, a dropped connection): the marks keep working, and the plot's next
			// gesture asks again (a browser that remembers the failure answers with it at once).
			return;
		} finally {
			loading = false;
		}
		if (live || destroyed) {
			copy?.take();
			return;
		}
		const focused = document.activeElement;
		const focusedMark = slot.contains(focused) ? markOf(focused)?.dataset.eventId : undefined;
		// Focus elsewhere in the slot (a link in the story) goes back to the same element in the live markup.
		const focusedPath = focused && !focusedMark && slot.contains(focused) && !focused.closest('section.panel') ? elementPath(slot, focused) : null;
		const inPanel = panelState(slot);
		const props = options.props({ focusedMark });
		const gestures = held;
		const cluster = heldCluster;
		held = [];
		heldCluster = undefined;
		// In one task, so nothing is painted between the prerendered markup and the live one.
		const putBack = options.withdrawFirstStage?.();
		if (putBack) flushSync();
		// The server rendered the live component into the slot: hydrating takes its markup over as it
		// is (Svelte mends what differs and redraws only blocks whose branch differs, as the plot's),
		// so the browser keeps the styles and layout of what stays, the story above all, instead of
		// building and laying out the whole page again. Markup the first stage added (its panel, an
		// opened step) is not the server's: then the live component is mounted afresh.
		const adopt = !slot.querySelector(FIRST_STAGE_MARKUP);
		// If the component fails to draw, the prerendered markup is put back and keeps working.
		// Hydration changes the server's nodes themselves (the plot's marks go), so it gets a copy:
		// the markup carries no listeners (the slot's own, here, answer it) and no state a copy loses.
		const ahead = copy?.take();
		const prerendered = adopt ? (ahead ?? copyOf(slot)) : [...slot.childNodes];
		if (!adopt) slot.replaceChildren();
		try {
			const mountOptions = { target: slot, context: options.context, props };
			live = adopt ? hydrate(component, mountOptions) : mount(component, mountOptions);
			flushSync();
		} catch (error) {
			if (live) unmount(live);
			live = undefined;
			slot.replaceChildren(...prerendered);
			putBack?.();
			throw error;
		}
		if (focusedPath) {
			const again = elementAt(slot, focusedPath);
			if (again?.tagName === focused?.tagName) (again as HTMLElement).focus({ preventScroll: true });
		}
		restorePanelState(slot, inPanel);
		options.onlive();
		if (focusedMark || gestures.length > 0 || cluster)
			whenDrawn(async (plot) => {
				if (focusedMark) shownMark(plot, focusedMark)?.focus();
				// One at a time, each from where the last left the view and focus (a key moves focus
				// after a tick; a double-click or + may animate).
				for (const gesture of gestures) {
					if (destroyed) return;
					gesture(plot);
					await settledIn(plot);
				}
				if (cluster) plot.querySelector<HTMLElement>(`[data-cluster="${CSS.escape(cluster)}"]`)?.click();
			});
	}

	/** Resolves once the live plot is at rest (its data-settled), at most DRAW_FRAMES frames later. */
	const settledIn = (plot: HTMLElement) =>
		new Promise<void>((resolve) => {
			let frames = DRAW_FRAMES;
			const check = () => (plot.dataset.settled !== 'false' || --frames <= 0 || destroyed ? resolve() : requestAnimationFrame(check));
			requestAnimationFrame(check);
		});

	function whenDrawn(callback: (plot: HTMLElement) => void, frames = DRAW_FRAMES) {
		const plot = slot.querySelector<HTMLElement>('.plot');
		if (plot?.querySelector('button[data-event-id]')) callback(plot);
		else if (frames > 0 && !destroyed) requestAnimationFrame(() => whenDrawn(callback, frames - 1));
	}

	slot.addEventListener('click', onClick);
	slot.addEventListener('keydown', onKeydown);
	slot.addEventListener('wheel', onWheel, { passive: false });
	slot.addEventListener('dblclick', onDoubleClick);
	slot.addEventListener('pointerdown', onPointerDown);
	slot.addEventListener('pointerdown', onDragStart);
	addEventListener('pointerup', onPointerUp);
	addEventListener('pointercancel', onPointerUp);
	for (const type of FIRST_USE) slot.addEventListener(type, onFirstUse, { passive: true });
	const cancelIdle = whenIdle(() => goLive(true));

	return {
		/** Load and mount the live component now (the page wants it: a view in the URL). */
		goLive: () => void goLive(),
		destroy() {
			destroyed = true;
			cancelIdle();
			slot.removeEventListener('click', onClick);
			slot.removeEventListener('keydown', onKeydown);
			slot.removeEventListener('wheel', onWheel);
			slot.removeEventListener('dblclick', onDoubleClick);
			slot.removeEventListener('pointerdown', onPointerDown);
			slot.removeEventListener('pointerdown', onDragStart);
			drag?.stop();
			removeEventListener('pointerup', onPointerUp);
			removeEventListener('pointercancel', onPointerUp);
			for (const type of FIRST_USE) slot.removeEventListener(type, onFirstUse);
			if (live) unmount(live);
		}
	};
}

/** The element-child indexes from `root` down to `element` (comments and text are not counted: the
 * server's markup has hydration markers that a mounted component does not). */
export function elementPath(root: Element, element: Element): number[] {
	const path: number[] = [];
	for (let node = element; node !== root && node.parentElement; node = node.parentElement) path.unshift([...node.parentElement.children].indexOf(node));
	return path;
}

/** The element at `path` under `root`, if there is one. */
export const elementAt = (root: Element, path: readonly number[]): Element | null => path.reduce<Element | null>((node, index) => node?.children[index] ?? null, root);

/** A held gesture, played on the live plot once drawn. */
type Replay = (plot: HTMLElement) => void;

/** How far (px) a pointer must move between press and release for a drag rather than a click. */
const DRAG_MIN = 3;

/** What every replayed event is: bubbling, cancelable, of this window (d3 reads `view`). A function: the server imports this module too. */
const eventInit = () => ({ bubbles: true, cancelable: true, composed: true, view: window });

/** Where on the plot a gesture happened, from the plot's top-left corner: the page may scroll before it is played. */
interface PlotPoint {
	x: number;
	y: number;
}
function plotPoint(event: MouseEvent): PlotPoint {
	const box = (event.target as Element).closest('.plot')!.getBoundingClientRect();
	return { x: event.clientX - box.left, y: event.clientY - box.top };
}

/** That point on the live plot now, and what to dispatch on: the element drawn there, or the plot when it is out of view. */
function placeOn(plot: HTMLElement, point: PlotPoint) {
	const box = plot.getBoundingClientRect();
	const [clientX, clientY] = [box.left + point.x, box.top + point.y];
	const there = document.elementFromPoint(clientX, clientY);
	return { clientX, clientY, target: there && plot.contains(there) ? there : plot };
}

/**
 * A mouse drag of `dx` from `point`, as the live plot hears one: pointer events (its own panning
 * until d3-zoom has loaded, zoomOnDemand.ts) and mouse events (d3-zoom's); the moves and the
 * release are dispatched on the document and reach both on the window, where they listen.
 */
function replayDrag(plot: HTMLElement, point: PlotPoint, dx: number) {
	const { target, clientX: x, clientY } = placeOn(plot, point);
	const at = (clientX: number, buttons: number) => ({ ...eventInit(), clientX, clientY, button: 0, buttons, pointerId: 1, pointerType: 'mouse', isPrimary: true });
	target.dispatchEvent(new PointerEvent('pointerdown', at(x, 1)));
	target.dispatchEvent(new MouseEvent('mousedown', at(x, 1)));
	document.dispatchEvent(new PointerEvent('pointermove', at(x + dx, 1)));
	document.dispatchEvent(new MouseEvent('mousemove', at(x + dx, 1)));
	document.dispatchEvent(new PointerEvent('pointerup', at(x + dx, 0)));
	document.dispatchEvent(new MouseEvent('mouseup', at(x + dx, 0)));
}
