import type { Handle } from '@sveltejs/kit';
import firstClick from '$lib/first-click/first-click.js?minified';
import { deferAppBoot } from '$lib/server/defer-boot';

/** The pages with a first script, and what it is told of the page it is in. */
const FIRST_CLICK_PAGES: Record<string, 'embed' | 'site'> = { '/embed': 'embed', '/(site)': 'site' };

/**
 * The embed (always: a large timeline's panels come in parts it fetches) and the full page (where
 * it has up to PREDRAWN_PANELS_MAX events) carry what their first script needs, have that script
 * inline first in the page (lib/first-click/first-click.js) and boot their app after the first
 * paint (lib/server/defer-boot.ts). A large full page's app is what answers a mark, and boots at
 * once, as on every other page.
 */
export const handle: Handle = ({ event, resolve }) => {
	const page = event.route.id ? FIRST_CLICK_PAGES[event.route.id] : undefined;
	if (!page) return resolve(event);
	return resolve(event, { transformPageChunk: ({ html }) => (CARRIES_PANELS.test(html) ? deferAppBoot(html, firstClick, page) : html) });
};

/** The page's main element says it carries them (the pages' +page.svelte); not a text that happens to read so. */
const CARRIES_PANELS = /<main [^>]*\bdata-predrawn-panels="true"/;
