import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every page is prerendered (see src/routes/+layout.ts); the build is a folder of static files.
		// TIMELINE_BUILD_DIR lets the benchmark and fixture tests build elsewhere than build/.
		adapter: adapter({
			pages: process.env.TIMELINE_BUILD_DIR ?? 'build',
			assets: process.env.TIMELINE_BUILD_DIR ?? 'build',
			fallback: undefined,
			strict: true
		}),
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		// The stylesheets (on / about 30 kB, 6 kB gzipped) go inline in each page: no render-blocking
		// request before the first paint. SvelteKit adds their hashes to style-src.
		inlineStyleThreshold: Infinity,
		// A strict policy, delivered as a <meta> tag in each prerendered page with hashes of
		// SvelteKit's inline scripts: nothing loads from another host, no eval. frame-ancestors
		// cannot be set by <meta> (browsers ignore it there), so framing stays open for the embed.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				// Positions are style attributes (left, transform); attributes cannot run script.
				'style-src-attr': ['unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'frame-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
