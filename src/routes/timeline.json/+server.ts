// The data as events.json holds it (validated at build time), shared by every event's page: its
// live timeline fetches this once scripts run, instead of each page carrying the whole dataset.
import { json } from '@sveltejs/kit';
import { cachedTimelineData } from '$lib/server/data';

export const prerender = true;

export const GET = () => json(cachedTimelineData().raw);
