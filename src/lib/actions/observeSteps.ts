/**
 * Reports which story step the reader is at: the step crossing a reading line a third of the
 * way down the part of the viewport the sticky timeline leaves free. Native scrolling only;
 * IntersectionObserver does the watching, so nothing runs on scroll.
 */
export interface ObserveStepsParams {
	/** The ids of the steps, so the observer re-attaches when filters change the list. */
	ids: readonly string[];
	/** Height covered by the sticky timeline at the top of the viewport (px). */
	topInset: number;
	/** Off in an auto-height embed, where the frame's viewport is the whole story. */
	enabled?: boolean;
	onstep: (id: string) => void;
}

/** The reading line's distance from the viewport's top (px): a third of the way down its free part. */
export function readingLineAt(viewportHeight: number, topInset: number): number {
	const inset = Math.min(Math.max(0, topInset), viewportHeight * 0.8);
	return Math.round(inset + (viewportHeight - inset) / 3);
}

/** A 4 px band at the reading line, as an IntersectionObserver margin. */
export function readingLine(viewportHeight: number, topInset: number): string {
	const line = readingLineAt(viewportHeight, topInset);
	return `-${line}px 0px -${Math.max(0, viewportHeight - line - 4)}px 0px`;
}

export function observeSteps(node: HTMLElement, params: ObserveStepsParams) {
	let current = params;
	let observer: IntersectionObserver | null = null;
	let margin = '';

	const attach = () => {
		observer?.disconnect();
		margin = readingLine(innerHeight, current.topInset);
		observer = new IntersectionObserver(
			(entries) => {
				for (const entry of entries) {
					const id = (entry.target as HTMLElement).dataset.stepId;
					if (entry.isIntersecting && id) current.onstep(id);
				}
			},
			{ rootMargin: margin }
		);
		if (current.enabled === false) return;
		node.querySelectorAll<HTMLElement>('[data-step-id]').forEach((step) => observer!.observe(step));
	};
	const onResize = () => {
		if (readingLine(innerHeight, current.topInset) !== margin) attach();
	};
	attach();
	addEventListener('resize', onResize);
	return {
		update(next: ObserveStepsParams) {
			const changed =
				next.ids.join() !== current.ids.join() ||
				next.enabled !== current.enabled ||
				readingLine(innerHeight, next.topInset) !== margin;
			current = next;
			if (changed) queueMicrotask(attach);
		},
		destroy() {
			observer?.disconnect();
			removeEventListener('resize', onResize);
		}
	};
}
