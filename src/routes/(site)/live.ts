/**
 * The full page's live timeline, code on demand, as the embed's (routes/embed/live.ts, which says
 * why the server's import is dynamic too): the server renders it into the prerendered page; the
 * browser adopts that markup as it is and hydrates the live timeline there once its code has arrived (liveOnDemand).
 */

export const loadSiteTimeline = () => import('./SiteTimeline.svelte');

/** The slot: the server's markup, adopted as is in the browser. */
export { Slot } from '$lib/components/slot';

/** What the server renders in the slot; nothing in the browser, whose bundle never imports it. */
export const prerendered = import.meta.env.SSR ? (await loadSiteTimeline()).default : undefined;

export { PREDRAWN_PANELS_MAX } from '$lib/first-click/predrawn';

/** The panel's frames for the page's first script, drawn by the server only (in a Slot of their own). */
export const panelChrome = import.meta.env.SSR ? (await import('$lib/components/PanelChrome.svelte')).default : undefined;
