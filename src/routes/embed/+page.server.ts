import { timelinePageData } from '$lib/server/pages';
import type { PageServerLoad } from './$types';

// As the full page: the data and the prerendered plot, laid out at build time.
export const load: PageServerLoad = () => timelinePageData('embed');
