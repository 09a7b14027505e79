import { describe, expect, it } from 'vitest';
import { eventPageIds, eventPageStride, parseEventPageLimit } from './event-pages.ts';
import { parseSiteUrl } from '../server/site.ts';

describe('event pages', () => {
	const events = Array.from({ length: 10 }, (_, i) => ({ id: `e${i}` }));
	it('every event has a page unless a smaller sample is asked for', () => {
		expect(eventPageIds(events, eventPageStride(10, null))).toHaveLength(10);
		expect(eventPageIds(events, eventPageStride(10, 50))).toHaveLength(10);
		const sample = eventPageIds(events, eventPageStride(10, 3));
		expect(sample.length).toBeLessThanOrEqual(3);
		expect(sample[0]).toBe('e0');
	});
	it('reads TIMELINE_EVENT_PAGES as "all" or a whole number, and names it when it is neither', () => {
		expect(parseEventPageLimit(undefined)).toBeNull();
		expect(parseEventPageLimit('all')).toBeNull();
		expect(parseEventPageLimit('40')).toBe(40);
		expect(() => parseEventPageLimit('-1')).toThrow(/TIMELINE_EVENT_PAGES="-1"/);
		expect(() => parseEventPageLimit('some')).toThrow(/TIMELINE_EVENT_PAGES/);
	});
});

describe('the site URL a build requires', () => {
	it('takes an absolute http(s) address, without its trailing slash', () => {
		expect(parseSiteUrl('https://timeline.example.org/')).toEqual({ url: 'https://timeline.example.org' });
		expect(parseSiteUrl('http://127.0.0.1:4173')).toEqual({ url: 'http://127.0.0.1:4173' });
	});
	it('names TIMELINE_SITE_URL when it is missing, relative, another scheme or carries a query', () => {
		for (const value of [undefined, '', '/timeline', 'ftp://example.org', 'https://example.org/?x=1']) {
			const parsed = parseSiteUrl(value);
			expect('error' in parsed && parsed.error).toMatch(/TIMELINE_SITE_URL/);
		}
	});
});
