import { error } from '@sveltejs/kit';
import { eventPageData, pagedEventIds } from '$lib/server/pages';
import type { EntryGenerator, PageServerLoad } from './$types';

// A page per event, prerendered: its HTML carries that event, not the whole dataset.
export const entries: EntryGenerator = () => pagedEventIds().map((id) => ({ id }));

export const load: PageServerLoad = ({ params }) => {
	const page = eventPageData(params.id);
	if (!page) error(404, `No event ${params.id}`);
	return page;
};
