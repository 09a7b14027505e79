/**
 * Reports which story step the reader is at: the step crossing a reading line about two thirds
 * down the viewport (below the sticky timeline). Native scrolling only; IntersectionObserver
 * does the watching, so nothing runs on scroll.
 */
export interface ObserveStepsParams {
	/** The ids of the steps, so the observer re-attaches when filters change the list. */
	ids: readonly string[];
	onstep: (id: string) => void;
}

/** The reading line: a band from 62 % to 66 % of the viewport's height. */
const READING_LINE = '-62% 0px -34% 0px';

export function observeSteps(node: HTMLElement, params: ObserveStepsParams) {
	let current = params;
	const observer = new IntersectionObserver(
		(entries) => {
			for (const entry of entries) {
				const id = (entry.target as HTMLElement).dataset.stepId;
				if (entry.isIntersecting && id) current.onstep(id);
			}
		},
		{ rootMargin: READING_LINE }
	);
	const attach = () => {
		observer.disconnect();
		node.querySelectorAll<HTMLElement>('[data-step-id]').forEach((step) => observer.observe(step));
	};
	attach();
	return {
		update(next: ObserveStepsParams) {
			const changed = next.ids.join() !== current.ids.join();
			current = next;
			if (changed) queueMicrotask(attach);
		},
		destroy: () => observer.disconnect()
	};
}
