/**
 * The app's first stage takes over the panel the page's first script opened (first-click.js: a
 * click before the app's script ran), on the embed and on the full page alike: the same event in
 * the first stage's own panel, with the reader's focus, scroll and Cite.
 */
import { tick } from 'svelte';
import { elementAt, elementPath, panelState, restorePanelState } from '$lib/actions/liveOnDemand';
import type { FirstStage } from '$lib/state/first-stage.svelte';

/** Takes the first script's panel out of `slot` and opens its event in `first`; the event's id, or null if none was open. */
export function takeOverPredrawn(slot: HTMLElement, first: FirstStage): string | null {
	const panel = slot.querySelector<HTMLElement>('section.panel[data-predrawn]');
	if (!panel) return null;
	const focused = document.activeElement;
	const focusPath = focused && panel.contains(focused) ? elementPath(panel, focused) : null;
	const inPanel = panelState(slot);
	// What the first script put in the page: the panel, or a phone's sheet around it.
	const root = panel.closest('dialog') ?? panel;
	if (root instanceof HTMLDialogElement) root.close();
	// A step it opened in shows its details again, should the first stage open the event elsewhere
	// (the page turned narrower than 960 px: a sheet); where it opens it in the step, it marks it again.
	panel.closest('[data-step-id]')?.classList.remove('open', 'first-open');
	const placeholder = root.parentElement?.querySelector<HTMLElement>(':scope > .placeholder');
	root.remove();
	if (placeholder) placeholder.hidden = false;
	const id = panel.dataset.predrawn!;
	first.open(id, 'reader');
	// Focus is put back here, where it was (the title, Copy link, Cite), not on the title.
	first.focusOnOpen = false;
	// The first panel is drawn in this flush (before any paint).
	tick().then(() => {
		restorePanelState(slot, inPanel);
		const again = slot.querySelector('section.panel');
		if (!again || !focusPath) return;
		const target = elementAt(again, focusPath);
		const same = target instanceof HTMLElement && target.tagName === focused?.tagName ? target : again.querySelector<HTMLElement>('#details-title');
		same?.focus({ preventScroll: true });
	});
	return id;
}
