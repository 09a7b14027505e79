import { describe, expect, it } from 'vitest';
import { eventPageIds, eventPageStride, eventShareUrl, fullTimelineUrl, parseEventPageLimit } from './event-pages.ts';

describe('event pages', () => {
	const events = Array.from({ length: 10 }, (_, i) => ({ id: `e${i}` }));
	it('every event has a page unless a smaller sample is asked for', () => {
		expect(eventPageIds(events, eventPageStride(10, null))).toHaveLength(10);
		expect(eventPageIds(events, eventPageStride(10, 50))).toHaveLength(10);
		expect(eventPageIds(events, eventPageStride(10, 3))).toEqual(['e0', 'e4', 'e8']);
		expect(eventPageIds(events, eventPageStride(10, 5))).toEqual(['e0', 'e2', 'e4', 'e6', 'e8']);
	});
	it('reads TIMELINE_EVENT_PAGES as "all" or a whole number, and names it when it is neither', () => {
		expect(parseEventPageLimit(undefined)).toBeNull();
		expect(parseEventPageLimit('all')).toBeNull();
		expect(parseEventPageLimit('40')).toBe(40);
		expect(() => parseEventPageLimit('-1')).toThrow(/TIMELINE_EVENT_PAGES="-1"/);
		expect(() => parseEventPageLimit('some')).toThrow(/TIMELINE_EVENT_PAGES/);
	});
});

describe('links to an event', () => {
	it('lead to its page where it has one, else to the full timeline opened at it, from the site root', () => {
		expect(eventShareUrl('https://example.org/', 'treaty-signed', true)).toBe('https://example.org/events/treaty-signed');
		expect(eventShareUrl('https://example.org/', 'treaty-signed', false)).toBe('https://example.org/?event=treaty-signed');
		// A site served from a folder keeps it.
		expect(eventShareUrl('https://example.org/timeline/', 'a b', true)).toBe('https://example.org/timeline/events/a%20b');
		expect(fullTimelineUrl('https://example.org/timeline/', 'x&y')).toBe('https://example.org/timeline/?event=x%26y');
	});
});
