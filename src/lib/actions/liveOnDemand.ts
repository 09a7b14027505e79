/**
 * A live component on demand, over markup the server rendered into `slot` (AdoptedSlot keeps it
 * as the server wrote it). Until the component has loaded, a click on a prerendered mark (a link
 * to its event) is the page's to answer (`onmark`), and a ctrl + wheel on the plot is held. It
 * loads when the page is idle or at the plot's first other gesture (a drag, a key, a wheel), is
 * mounted in the slot in place of the prerendered markup (which it draws the same), and gets back
 * what the reader did meanwhile: focus on the mark it was on, and the held wheels.
 */
import { flushSync, mount, unmount, type Component } from 'svelte';
import { whenIdle } from './idle';

export interface LiveOnDemandOptions<Props extends Record<string, unknown>> {
	load: () => Promise<{ default: Component<Props> }>;
	/** The component's props, read when it is mounted. */
	props: () => Props;
	/** The page's contexts, for the component's getContext calls. */
	context: Map<unknown, unknown>;
	/** A plain click (or Enter) on a prerendered mark, before the component is there. */
	onmark: (id: string) => void;
	/** The component is mounted. */
	onlive: () => void;
}

/** The prerendered mark (a link to its event) an event happened on, or null. */
export const markOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLElement>('a[data-event-id]') : null);

/** An event's mark as shown: each prerendered width range has its own, and only one is displayed. */
export function shownMark(root: ParentNode, id: string): HTMLElement | undefined {
	return [...root.querySelectorAll<HTMLElement>(`[data-event-id="${CSS.escape(id)}"]`)].find((mark) => mark.getClientRects().length > 0);
}

/** What asks for the component at once. */
const FIRST_USE = ['pointerdown', 'touchstart', 'keydown', 'wheel'] as const;
/** Keys that move between or open marks (links, before the component): not a wish for the live plot. */
const LINK_KEYS = new Set(['Tab', 'Shift', 'Enter', ' ']);
/** How many frames the mounted plot has to draw its marks (it measures its width first). */
const DRAW_FRAMES = 120;

export function liveOnDemand<Props extends Record<string, unknown>>(slot: HTMLElement, options: LiveOnDemandOptions<Props>) {
	let live: ReturnType<typeof mount> | undefined;
	let loading = false;
	let destroyed = false;
	let heldWheels: WheelEvent[] = [];

	function onClick(event: MouseEvent) {
		const mark = markOf(event.target);
		// A modified click keeps the link's own meaning (a new tab, a download).
		if (live || !mark || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
		event.preventDefault();
		options.onmark(mark.dataset.eventId!);
	}

	/** ctrl + wheel zooms the plot, not the page: held until the live plot can take it. */
	function onWheel(event: WheelEvent) {
		if (live || !(event.ctrlKey || event.metaKey)) return;
		event.preventDefault();
		heldWheels.push(event);
	}

	function onFirstUse(event: Event) {
		if (event.type === 'pointerdown' && markOf(event.target)) return;
		if (event instanceof KeyboardEvent && LINK_KEYS.has(event.key)) return;
		goLive();
	}

	async function goLive() {
		if (live || loading || destroyed) return;
		loading = true;
		let component: Component<Props>;
		try {
			component = (await options.load()).default;
			// The modules' evaluation and the mount in separate tasks, each shorter: input in between waits less.
			await new Promise((resolve) => setTimeout(resolve));
		} catch {
			// Not loaded (a redeploy, a dropped connection): the marks keep working; the next gesture tries again.
			return;
		} finally {
			loading = false;
		}
		if (live || destroyed) return;
		const focused = document.activeElement;
		const focusedMark = slot.contains(focused) ? markOf(focused)?.dataset.eventId : undefined;
		const props = options.props();
		const wheels = heldWheels;
		heldWheels = [];
		// In one task, so nothing is painted between the prerendered markup and the live one.
		slot.replaceChildren();
		live = mount(component, { target: slot, context: options.context, props });
		flushSync();
		options.onlive();
		if (focusedMark || wheels.length > 0)
			whenDrawn((plot) => {
				if (focusedMark) shownMark(plot, focusedMark)?.focus();
				for (const wheel of wheels) document.elementFromPoint(wheel.clientX, wheel.clientY)?.dispatchEvent(new WheelEvent('wheel', wheel));
			});
	}

	function whenDrawn(callback: (plot: HTMLElement) => void, frames = DRAW_FRAMES) {
		const plot = slot.querySelector<HTMLElement>('.plot');
		if (plot?.querySelector('button[data-event-id]')) callback(plot);
		else if (frames > 0 && !destroyed) requestAnimationFrame(() => whenDrawn(callback, frames - 1));
	}

	slot.addEventListener('click', onClick);
	slot.addEventListener('wheel', onWheel, { passive: false });
	for (const type of FIRST_USE) slot.addEventListener(type, onFirstUse, { passive: true });
	const cancelIdle = whenIdle(goLive);

	return {
		destroy() {
			destroyed = true;
			cancelIdle();
			slot.removeEventListener('click', onClick);
			slot.removeEventListener('wheel', onWheel);
			for (const type of FIRST_USE) slot.removeEventListener(type, onFirstUse);
			if (live) unmount(live);
		}
	};
}
