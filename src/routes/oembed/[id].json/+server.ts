// Each event's oEmbed response: its embed opens the timeline at that event.
import { error, json } from '@sveltejs/kit';
import { oembedResponse } from '$lib/server/oembed';
import { eventPageData, pagedEventIds } from '$lib/server/pages';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => pagedEventIds().map((id) => ({ id }));

export const GET: RequestHandler = ({ params }) => {
	const page = eventPageData(params.id);
	if (!page) error(404, `No event ${params.id}`);
	return json(oembedResponse(page.meta, `embed?event=${encodeURIComponent(params.id)}`));
};
