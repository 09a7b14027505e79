// The share images (PNG, 1200×630), rendered at build time from each card's SVG. Their names carry
// a hash of what they draw, so they can be cached for good and change URL when they change.
import { error } from '@sveltejs/kit';
import { buildShareImages } from '$lib/server/pages';
import { renderPng } from '$lib/server/share-image';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => [...buildShareImages().values()].map((image) => ({ file: image.file }));

export const GET: RequestHandler = ({ params }) => {
	const image = [...buildShareImages().values()].find((candidate) => candidate.file === params.file);
	if (!image) error(404, `No share image ${params.file}`);
	return new Response(new Uint8Array(renderPng(image)), { headers: { 'content-type': 'image/png' } });
};
