/**
 * The embed's live timeline, code on demand. The server renders it into the prerendered page
 * (ServerSlot); the browser hydrates only an empty stand-in for it (AdoptedSlot), which keeps the
 * server's markup, and hydrates the live timeline there once its code has arrived (+page.svelte, liveOnDemand).
 * So the first script is only what makes the prerendered marks open their events in place.
 *
 * SvelteKit links the stylesheets of a component that the server renders and the browser imports
 * on demand in the page's head, so the prerendered markup is styled from the first paint. It finds
 * them by the dynamic import of the same file on both sides, one level deep (build_server.js in
 * @sveltejs/kit, with the default `output.bundleStrategy: 'split'`): hence the server's import here
 * is dynamic too (the top-level await), and both import this file itself.
 */

export const loadEmbedTimeline = () => import('./EmbedTimeline.svelte');

/** The slot: the server's markup, adopted as is in the browser. */
export { Slot } from '$lib/components/slot';

/** What the server renders in the slot; nothing in the browser, whose bundle never imports it. */
export const prerendered = import.meta.env.SSR ? (await loadEmbedTimeline()).default : undefined;

export { PREDRAWN_PANELS_MAX } from '$lib/first-click/predrawn';

/** The panels, drawn by the server only (in a Slot of their own). */
export const predrawnPanels = import.meta.env.SSR ? (await import('$lib/components/PredrawnPanels.svelte')).default : undefined;
