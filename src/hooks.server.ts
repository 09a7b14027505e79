import type { Handle } from '@sveltejs/kit';
import firstClick from '$lib/first-click/first-click.js?raw';
import { deferAppBoot } from '$lib/server/defer-boot';

/**
 * The embed, where it carries every event's panel, has its first script inline first in the page
 * (lib/first-click/first-click.js) and boots its app after the first paint
 * (lib/server/defer-boot.ts). Without those panels (a large timeline) the app is what answers a
 * mark, and boots at once, as on every other page.
 */
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, event.route.id === '/embed' ? { transformPageChunk: ({ html }) => (CARRIES_PANELS.test(html) ? deferAppBoot(html, firstClick) : html) } : undefined);

/** The page's main element says it carries the panels (routes/embed/+page.svelte); not a text that happens to read so. */
const CARRIES_PANELS = /<main [^>]*\bdata-predrawn-panels="true"/;
