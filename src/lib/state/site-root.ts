import { resolve } from '$app/paths';

/**
 * The site's root as an absolute URL, in the browser: links made from it (an event's page, the
 * full timeline) are right from any page, the embed and an event's page included, and wherever
 * the site is served from.
 */
export const siteRoot = (): string => new URL(resolve('/'), location.href).href;
