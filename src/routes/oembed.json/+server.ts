// The timeline's oEmbed response, found through the discovery link of / and /embed.
import { json } from '@sveltejs/kit';
import { oembedResponse } from '$lib/server/oembed';
import { timelineMeta } from '$lib/server/pages';

export const prerender = true;

export const GET = () => json(oembedResponse(timelineMeta(''), 'embed'));
