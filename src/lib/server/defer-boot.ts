/**
 * The embed and the full page, where they carry what their first script needs
 * (lib/first-click/first-click.js): that script goes inline at the top of the head, so that a
 * prerendered mark answers from the first paint,
 * and the app boots only once the page has been painted, so that nothing of the app is fetched
 * before then. SvelteKit writes, in every page, `<link rel="modulepreload">`s for the app's
 * modules and an inline script that imports and starts them at once. Here the preloads go (their
 * URLs kept on the script, `data-preload`), the inline script becomes inert
 * (`type="text/plain" data-app-boot`, its text unchanged), and a small inline script after it
 * (BOOT_AFTER_PAINT) preloads those modules and runs that same text, as a new inline script in its
 * place, two frames later. SvelteKit's content security policy already allows that text by its
 * hash; the two scripts' own hashes are added to the policy here (the policy's <meta> comes before
 * them, so it applies to them).
 */
import { createHash } from 'node:crypto';

/** SvelteKit's inline script that starts the app (it sets `__sveltekit_…` and calls `kit.start`). */
const BOOT_SCRIPT = /<script>(\s*\{\s*__sveltekit_\w+ = [\s\S]*?kit\.start\([\s\S]*?)<\/script>/;
const MODULE_PRELOAD = /[ \t]*<link href="([^"]*)" rel="modulepreload">\n?/g;
/** The policy's script sources, in the <meta> SvelteKit writes (`csp.mode: 'hash'`). */
const SCRIPT_SRC = /(<meta http-equiv="content-security-policy" content="[^"]*?script-src )/;
const POLICY = /<meta http-equiv="content-security-policy" content="[^"]*">\n?/;

/**
 * Boots the app two frames after it runs (the page is parsed: it comes last; the first frame paints
 * it, and a reader's first click is answered before the app's code is asked for). A frame the
 * browser does not paint (off screen, a background tab) boots after a second. SvelteKit's script
 * reads the element it is in: the new one takes the inert one's place.
 */
export const BOOT_AFTER_PAINT = `(() => {
	const boot = () => {
		const inert = document.querySelector('script[data-app-boot]');
		if (!inert) return;
		for (const href of (inert.dataset.preload || '').split(' ').filter(Boolean)) {
			const link = document.createElement('link');
			link.rel = 'modulepreload';
			link.href = href;
			document.head.append(link);
		}
		const script = document.createElement('script');
		script.textContent = inert.textContent;
		inert.replaceWith(script);
	};
	const timer = setTimeout(boot, 1000);
	requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => (clearTimeout(timer), boot()))));
})();`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The page with `firstScript` first (told which `page` it is in, on its element) and the app's boot
 * deferred; throws if SvelteKit's markup is not found.
 */
export function deferAppBoot(html: string, firstScript: string, page: 'embed' | 'site'): string {
	if (!BOOT_SCRIPT.test(html)) throw new Error('deferAppBoot: SvelteKit’s inline boot script (`__sveltekit_… = …; kit.start(…)`) is not in the page');
	if (!SCRIPT_SRC.test(html)) throw new Error('deferAppBoot: the page has no content security policy <meta> with a script-src to allow the boot script in');
	const preloads = [...html.matchAll(MODULE_PRELOAD)].map((match) => match[1]!);
	return html
		.replace(MODULE_PRELOAD, '')
		.replace(SCRIPT_SRC, `$1${sha256(firstScript)} ${sha256(BOOT_AFTER_PAINT)} `)
		.replace(POLICY, (policy) => `${policy}<script data-first-click="${page}">${firstScript}</script>\n`)
		.replace(
			BOOT_SCRIPT,
			(_, text: string) => `<script type="text/plain" data-app-boot data-preload="${preloads.join(' ')}">${text}</script><script data-boot-after-paint>${BOOT_AFTER_PAINT}</script>`
		);
}
