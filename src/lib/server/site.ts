/**
 * The site's public address. The build writes it into what leaves the site and is read elsewhere:
 * oEmbed responses (the iframe a CMS pastes into another site's article), canonical links, Open
 * Graph and Twitter tags, share images. A relative URL there points at the wrong site, so a build
 * without it fails (vite.config.ts); `npm run dev`, the tests, the bench and the screenshots set a
 * loopback address themselves.
 */

/** The variable that carries the address, named in every message about it. */
export const SITE_URL_VARIABLE = 'TIMELINE_SITE_URL';

/** The address without its trailing slash, or an error message saying what is wrong with `value`. */
export function parseSiteUrl(value: string | undefined): { url: string } | { error: string } {
	const example = `e.g. ${SITE_URL_VARIABLE}=https://timeline.example.org npm run build`;
	if (value === undefined || value.trim() === '') {
		return {
			error:
				`${SITE_URL_VARIABLE} is not set. The build writes the site's absolute address into its oEmbed ` +
				`responses, canonical links, share cards and images; without it they would point at whichever site ` +
				`pastes them. Set it to the address the site will be served from (${example}).`
		};
	}
	let url: URL;
	try {
		url = new URL(value.trim());
	} catch {
		return { error: `${SITE_URL_VARIABLE}=${JSON.stringify(value)}: expected an absolute http(s) URL (${example}).` };
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		return { error: `${SITE_URL_VARIABLE}=${JSON.stringify(value)}: expected an http or https URL, got ${url.protocol} (${example}).` };
	}
	if (url.search || url.hash || url.username || url.password) {
		return { error: `${SITE_URL_VARIABLE}=${JSON.stringify(value)}: expected the site's address alone, without query, fragment or credentials (${example}).` };
	}
	return { url: url.href.replace(/\/+$/, '') };
}

/** The site's address (checked when the build starts), e.g. https://timeline.example.org. */
export function siteUrl(): string {
	const parsed = parseSiteUrl(process.env[SITE_URL_VARIABLE]);
	if ('error' in parsed) throw new Error(parsed.error);
	return parsed.url;
}
