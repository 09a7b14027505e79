import { sveltekit } from '@sveltejs/kit/vite';
import { readFileSync } from 'node:fs';
import { minify } from 'vite';
import { defineConfig, type Plugin } from 'vitest/config';
import { dataPaths, loadTimeline } from './src/lib/server/data.ts';
import { bandSelectionCss, HIDDEN_BANDS, prerenderBands } from './src/lib/timeline/prerender-bands.ts';
import { sceneData } from './src/lib/timeline/scene.ts';
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

/**
 * The stylesheet that picks, of the prerendered plot's layouts, the one for the plot's width and the
 * screen (bandSelectionCss): its ranges follow from the data (rows of spans, the densest day), so it
 * is written from events.json as the site is built, and reaches the page as the rest of its CSS does,
 * which the content security policy allows (a <style> written into the page would need a hash).
 */
function prerenderedPlotCss(): Plugin {
	const id = 'virtual:prerendered-plot.css';
	return {
		name: 'prerendered-plot-css',
		resolveId: (source) => (source === id ? id : undefined),
		load(source) {
			if (source !== id) return;
			const paths = dataPaths();
			this.addWatchFile(paths.eventsFile);
			let data;
			try {
				data = sceneData(loadTimeline(paths));
			} catch {
				// validateEvents names every problem and stops the build.
				return '';
			}
			return [HIDDEN_BANDS, ...[true, false].map((aboveStory) => bandSelectionCss(prerenderBands(data, { aboveStory })))].join('\n');
		}
	};
}

/**
 * `import text from './script.js?minified'`: the script's text, minified (its comments, which explain
 * it to the next engineer, are not sent), for the server to write inline in a page: the pages' first
 * script (hooks.server.ts), which the browser runs before anything of the app's bundle.
 */
function minifiedText(): Plugin {
	const query = '?minified';
	return {
		name: 'minified-text',
		enforce: 'pre',
		async load(id) {
			if (!id.endsWith(query)) return;
			const file = id.slice(0, -query.length);
			this.addWatchFile(file);
			const { code, errors } = await minify(file, readFileSync(file, 'utf8'), {});
			if (errors.length > 0) this.error(`${file}: ${errors.map((error) => error.message).join('; ')}`);
			return `export default ${JSON.stringify(code)};`;
		}
	};
}

export default defineConfig({
	plugins: [requireSiteUrl(), validateEvents(), prerenderedPlotCss(), minifiedText(), sveltekit()],
	// Unit tests run Svelte's client runtime, so effects in state tests run as they do in the page.
	resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
	test: {
		environment: 'node',
		// tests/ holds the Playwright specs; Vitest only runs the pure units beside the code.
		include: ['src/**/*.test.ts']
	}
});
