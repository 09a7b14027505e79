/**
 * Questions asked of a scene (scene.ts) rather than of the DOM: where an event is drawn, whether
 * it is in view, and what range separates a cluster's events.
 */
import type { TimelineEvent } from './events.ts';
import { MARK_SIZE, type Scene } from './scene.ts';
import { MIN_VISIBLE_MS } from './zoom.ts';

/**
 * The range that separates a cluster's events (from the first's start to the last's end, padded),
 * or null when they are too close for any zoom to separate (several on one day): those open as a list.
 */
export function clusterRange(events: readonly TimelineEvent[]): [Date, Date] | null {
	const from = events[0]!.date.start.getTime();
	const to = events[events.length - 1]!.date.end.getTime();
	if (to - from < 2 * MIN_VISIBLE_MS) return null;
	const pad = (to - from) * 0.15;
	return [new Date(from - pad), new Date(to + pad)];
}

/** Where an event is drawn: its mark or bar, else the cluster that folds it, else nowhere. */
export function findInScene(scene: Scene, id: string): { x: number; kind: 'mark' | 'span' | 'cluster' } | null {
	const mark = scene.marks.find((m) => m.id === id);
	if (mark) return { x: mark.x, kind: 'mark' };
	const span = scene.spans.find((s) => s.id === id);
	if (span) return { x: span.x, kind: 'span' };
	const cluster = scene.clusters.find((c) => c.ids.includes(id));
	return cluster ? { x: cluster.x, kind: 'cluster' } : null;
}

/** Whether an event's own mark (or the start of its bar) is drawn inside the plot, so focusing it moves nothing. */
export function isInView(scene: Scene, id: string): boolean {
	const mark = scene.marks.find((m) => m.id === id);
	if (mark) return mark.x - MARK_SIZE / 2 >= 0 && mark.x + MARK_SIZE / 2 <= scene.width;
	// A bar counts as in view when its start is: one cut at the left edge hides where it begins.
	const span = scene.spans.find((s) => s.id === id);
	return span !== undefined && span.x >= 0 && span.x + MARK_SIZE <= scene.width;
}
