/**
 * The story camera: which range the axis shows while the reader is at one step. A step shows its
 * event with the events either side, so between 1991 and 2022, when events are years apart, the
 * view is wide, and on 17 January 2025, when many fall on one day, it is close.
 */
import type { TimelineEvent } from './events.ts';

const DAY = 86_400_000;

export interface CameraOptions {
	/** Events shown on each side of the step's event (default 1). */
	neighbours?: number;
	/** The narrowest view (default 21 days): three weeks keeps a single day's events readable. */
	minSpanMs?: number;
	/** Room on each side, as a share of the shown span (default 0.15), so edge marks are not cut. */
	padding?: number;
}

/** An event's whole period: a "2023" event covers the year, a span runs to the end of its end. */
function periodOf(event: TimelineEvent): [number, number] {
	return [event.date.start.getTime(), (event.end ?? event.date).end.getTime()];
}

/**
 * The range that shows events[index] and its neighbours, padded, at least `minSpanMs` wide, and
 * inside `domain`: a view poking out is shifted back in rather than shrunk, and a view wider than
 * the domain is the domain. Throws a RangeError when `index` names no event.
 */
export function cameraRangeFor(
	events: readonly TimelineEvent[],
	index: number,
	domain: [Date, Date],
	{ neighbours = 1, minSpanMs = 21 * DAY, padding = 0.15 }: CameraOptions = {}
): [Date, Date] {
	const event = events[index];
	if (!Number.isInteger(index) || event === undefined) {
		const expected = events.length ? `an integer from 0 to ${events.length - 1}` : 'an event';
		throw new RangeError(`cameraRangeFor(): index ${index} names no event; expected ${expected}`);
	}
	let from = Infinity;
	let to = -Infinity;
	// A negative count would skip the step's own event.
	const reach = Math.max(0, Math.floor(neighbours));
	const first = Math.max(0, index - reach);
	const last = Math.min(events.length - 1, index + reach);
	for (let i = first; i <= last; i++) {
		const [start, end] = periodOf(events[i]!);
		from = Math.min(from, start);
		to = Math.max(to, end);
	}
	const pad = (to - from) * padding;
	from -= pad;
	to += pad;

	if (to - from < minSpanMs) {
		// Widen around the step's own event, then slide just enough to keep its neighbours in view
		// (they fit: the shown span is narrower than the window).
		const [start, end] = periodOf(event);
		const lo = Math.min(from, Math.max(to - minSpanMs, (start + end) / 2 - minSpanMs / 2));
		from = lo;
		to = lo + minSpanMs;
	}

	const d0 = domain[0].getTime();
	const d1 = domain[1].getTime();
	if (to - from >= d1 - d0) return [new Date(d0), new Date(d1)];
	const shift = from < d0 ? d0 - from : to > d1 ? d1 - to : 0;
	return [new Date(from + shift), new Date(to + shift)];
}
