import type { Handle } from '@sveltejs/kit';
import { deferAppBoot } from '$lib/server/defer-boot';

/** The embed's app boots after its first script (lib/server/defer-boot.ts); other pages as SvelteKit has it. */
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, event.route.id === '/embed' ? { transformPageChunk: ({ html }) => deferAppBoot(html) } : undefined);
