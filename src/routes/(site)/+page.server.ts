import { timelinePageData } from '$lib/server/pages';
import type { PageServerLoad } from './$types';

// Runs at build time only (the site is prerendered): validation errors fail the build.
// The plot's default view is laid out here too, so the page draws it before any script runs.
export const load: PageServerLoad = () => timelinePageData('');
