/**
 * The embed's app boots only after its first script has made the prerendered marks answer
 * (static/first-click.js): the server's page is rewritten so that nothing of the app is fetched
 * before then. SvelteKit writes, in every page, `<link rel="modulepreload">`s for the app's
 * modules and an inline script that imports and starts them at once. Here the preloads go (their
 * URLs kept on the script, `data-preload`), and the inline script becomes inert
 * (`type="text/plain" data-app-boot`, its text unchanged); the first script preloads those modules
 * and runs that same text, as a new inline script in its place, once the page has been painted.
 * The text is what SvelteKit's content security policy hashed, so the policy allows it.
 */

/** SvelteKit's inline script that starts the app (it sets `__sveltekit_…` and calls `kit.start`). */
const BOOT_SCRIPT = /<script>(\s*\{\s*__sveltekit_\w+ = [\s\S]*?kit\.start\([\s\S]*?)<\/script>/;
const MODULE_PRELOAD = /[ \t]*<link href="([^"]*)" rel="modulepreload">\n?/g;

/** The page with the app's boot left to its first script; throws if SvelteKit's markup is not found. */
export function deferAppBoot(html: string): string {
	if (!BOOT_SCRIPT.test(html)) throw new Error('deferAppBoot: SvelteKit’s inline boot script (`__sveltekit_… = …; kit.start(…)`) is not in the page');
	const preloads = [...html.matchAll(MODULE_PRELOAD)].map((match) => match[1]!);
	return html
		.replace(MODULE_PRELOAD, '')
		.replace(BOOT_SCRIPT, (_, text: string) => `<script type="text/plain" data-app-boot data-preload="${preloads.join(' ')}">${text}</script>`);
}
