import { loadTimeline } from '$lib/server/data';
import { siteUrl } from '$lib/server/site';
import { prerenderPlot, sceneData } from '$lib/timeline';
import type { LayoutServerLoad } from './$types';

// Runs at build time only (the site is prerendered): validation errors fail the build.
// The plot's default view is laid out here too, so the page draws it before any script runs.
export const load: LayoutServerLoad = () => {
	const timeline = loadTimeline();
	return { timeline, prerenderedPlot: prerenderPlot(timeline, sceneData(timeline)), siteUrl: siteUrl() };
};
