import { describe, expect, it } from 'vitest';
import { parseSiteUrl } from './site.ts';

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
