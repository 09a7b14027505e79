/**
 * The site's public address, for the few places that need absolute URLs (oEmbed). Set
 * TIMELINE_SITE_URL when building for production, e.g. https://timeline.example.org; without it
 * the URLs stay relative to the site, which is right wherever the site is served from its root.
 */
export function siteUrl(): string {
	const url = process.env.TIMELINE_SITE_URL ?? '';
	return /^https?:\/\//i.test(url) ? url.replace(/\/+$/, '') : '';
}
