// A static oEmbed response (type "rich"), so CMSs that support oEmbed can embed the timeline from
// its URL. Prerendered once; it describes the whole timeline.
import { json } from '@sveltejs/kit';
import { loadTimeline } from '$lib/server/data';
import { siteUrl } from '$lib/server/site';

export const prerender = true;

export function GET() {
	const { title, description } = loadTimeline();
	const site = siteUrl();
	const src = `${site}/embed`;
	return json({
		version: '1.0',
		type: 'rich',
		title,
		description,
		provider_name: title,
		provider_url: `${site}/`,
		width: 800,
		height: 640,
		html: `<iframe src="${src}" title="${title.replace(/"/g, '&quot;')}: a sourced timeline" height="640" style="width:100%;border:0" loading="lazy"></iframe><script src="${site}/embed.js" async></script>`
	});
}
