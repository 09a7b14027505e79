/**
 * Reports an element's clientWidth or clientHeight each time it changes, from a ResizeObserver
 * only. Svelte's `bind:clientWidth` reads the size at once as well, which makes the browser lay out
 * a tree just mounted inside the mount's own task; the observer reports after the browser's own
 * layout of the frame, before it paints, so the first frame is drawn with the size all the same.
 */
export type ClientSize = 'clientWidth' | 'clientHeight';

export interface ObserveSizeParams {
	size: ClientSize;
	onsize: (value: number) => void;
}

export function observeSize(node: HTMLElement, params: ObserveSizeParams) {
	let current = params;
	// The first report comes once the element is laid out (one never rendered, hidden, reports 0
	// or nothing). The border box, as Svelte's binding watches: clientWidth follows padding too.
	const observer = new ResizeObserver(() => current.onsize(node[current.size]));
	observer.observe(node, { box: 'border-box' });
	return {
		update(next: ObserveSizeParams) {
			current = next;
		},
		destroy() {
			observer.disconnect();
		}
	};
}
