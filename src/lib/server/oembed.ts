/**
 * oEmbed responses (type "rich"): what a CMS or chat app that reads oEmbed gets for a page's URL,
 * found through the page's discovery link. Every URL in them is absolute on the site's address, so
 * the iframe a CMS pastes into another site's article loads this site's embed.
 */
import { EMBED_HEIGHT, embedHtml } from '../timeline/embed.ts';
import type { PageMeta } from '../timeline/event-pages.ts';

/** The width a consumer is told the embed wants; it takes its column's width (100 %). */
export const OEMBED_WIDTH = 800;

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
		height: EMBED_HEIGHT,
		html: embedHtml({ src, script: `${meta.site}/embed.js`, title: meta.title }),
		thumbnail_url: meta.image.url,
		thumbnail_width: meta.image.width,
		thumbnail_height: meta.image.height
	};
}
