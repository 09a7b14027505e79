/**
 * oEmbed responses (type "rich"): what a CMS or chat app that reads oEmbed gets for a page's URL,
 * found through the page's discovery link. Every URL in them is absolute on the site's address, so
 * the iframe a CMS pastes into another site's article loads this site's embed.
 */
import type { PageMeta } from '../timeline/event-pages.ts';

/** The embed's height in the snippet; embed.js then sizes the frame to its content. */
export const OEMBED_HEIGHT = 640;
export const OEMBED_WIDTH = 800;

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The response for a page whose embed is `embedPath` (from the site's root, e.g. "embed?event=x"). */
export function oembedResponse(meta: PageMeta, embedPath: string) {
	const src = `${meta.site}/${embedPath}`;
	return {
		version: '1.0',
		type: 'rich',
		title: meta.title,
		description: meta.description,
		provider_name: meta.siteTitle,
		provider_url: `${meta.site}/`,
		width: OEMBED_WIDTH,
		height: OEMBED_HEIGHT,
		html:
			`<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(meta.title)}" height="${OEMBED_HEIGHT}" style="width:100%;border:0" loading="lazy"></iframe>` +
			`<script src="${escapeAttribute(`${meta.site}/embed.js`)}" async></script>`,
		thumbnail_url: meta.image.url,
		thumbnail_width: meta.image.width,
		thumbnail_height: meta.image.height
	};
}
