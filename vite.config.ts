import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vitest/config';
import { loadTimeline } from './src/lib/server/data.ts';
import { parseSiteUrl, SITE_URL_VARIABLE } from './src/lib/server/site.ts';

/**
 * The site's address (src/lib/server/site.ts): a build without it stops before anything is
 * compiled, naming TIMELINE_SITE_URL; `vite dev` serves on loopback and says so itself.
 */
function requireSiteUrl(): Plugin {
	return {
		name: 'require-site-url',
		config(_, { command }) {
			if (command === 'serve') process.env[SITE_URL_VARIABLE] ??= 'http://localhost:5173';
		},
		// At the build's start, not when the config is read: `svelte-kit sync` reads it too.
		buildStart() {
			if (process.env.VITEST) return;
			const parsed = parseSiteUrl(process.env[SITE_URL_VARIABLE]);
			if ('error' in parsed) this.error(parsed.error);
		}
	};
}

/**
 * Validates events.json before anything is compiled, so `npm run build` stops at once with every
 * problem in the data listed (path, value, what was expected) instead of a stack trace mid-prerender.
 */
function validateEvents(): Plugin {
	return {
		name: 'validate-events-json',
		buildStart() {
			// Unit tests feed the validator their own fixtures; they must not depend on events.json.
			if (process.env.VITEST) return;
			try {
				// Says what was checked (events, excerpts, texts), so a build log shows the verbatim check ran.
				// Vite runs buildStart once per environment (server, client): check each time, say it once.
				loadTimeline(undefined, (message) => {
					if (process.env.TIMELINE_CHECK_REPORTED !== message) console.log(message);
					process.env.TIMELINE_CHECK_REPORTED = message;
				});
			} catch (error) {
				this.error((error as Error).message);
			}
		}
	};
}

export default defineConfig({
	plugins: [requireSiteUrl(), validateEvents(), sveltekit()],
	// Unit tests run Svelte's client runtime, so effects in state tests run as they do in the page.
	resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
	test: {
		environment: 'node',
		// tests/ holds the Playwright specs; Vitest only runs the pure units beside the code.
		include: ['src/**/*.test.ts']
	}
});
