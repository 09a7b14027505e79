import { loadTimeline } from '$lib/server/data';
import { siteUrl } from '$lib/server/site';
import type { LayoutServerLoad } from './$types';

// Runs at build time only (the site is prerendered): validation errors fail the build.
export const load: LayoutServerLoad = () => ({ timeline: loadTimeline(), siteUrl: siteUrl() });
