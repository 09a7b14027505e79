import { describe, expect, it } from 'vitest';
import { deferAppBoot } from './defer-boot';

// The shape SvelteKit 2 writes in a prerendered page (adapter-static, relative paths).
const BOOT = `
				{
					__sveltekit_1pguml1 = {
						base: new URL(".", location).pathname.slice(0, -1)
					};

					const element = document.currentScript.parentElement;

					Promise.all([
						import("./_app/immutable/entry/start.C10VdQ7D.js"),
						import("./_app/immutable/entry/app.CKdzR1B6.js")
					]).then(([kit, app]) => {
						kit.start(app, element, { node_ids: [0, 5], data: [null, { type: "data", data: { title: "</p>" } }], form: null, error: null });
					});
				}
			`;
const page = `<!doctype html>
<html lang="en">
	<head>
		<meta http-equiv="content-security-policy" content="script-src 'self' 'sha256-x'">
		<link href="./_app/immutable/entry/start.C10VdQ7D.js" rel="modulepreload">
		<link href="./_app/immutable/chunks/B9PNTGnR.js" rel="modulepreload">
		<link rel="icon" href="./favicon.svg" type="image/svg+xml" />
		<script type="module" async="" src="./first-click.js"></script>
	</head>
	<body><div style="display: contents"><main>…</main>
			<script>${BOOT}</script>
		</div>
	</body>
</html>`;

describe('deferAppBoot', () => {
	const deferred = deferAppBoot(page);

	it('takes out the preloads of the app’s modules, and nothing else of the head', () => {
		expect(deferred).not.toContain('modulepreload');
		expect(deferred).toContain('<link rel="icon" href="./favicon.svg" type="image/svg+xml" />');
		expect(deferred).toContain('<script type="module" async="" src="./first-click.js"></script>');
	});

	it('leaves the boot script inert with its text unchanged (the policy’s hash is of that text), the preloads’ URLs on it', () => {
		const inert = '<script type="text/plain" data-app-boot data-preload="./_app/immutable/entry/start.C10VdQ7D.js ./_app/immutable/chunks/B9PNTGnR.js">';
		expect(deferred).toContain(`${inert}${BOOT}</script>`);
		expect(deferred).not.toMatch(/<script>/);
		// Everything else is as it was.
		expect(deferred.replace(inert, '<script>')).toBe(page.replace(/[ \t]*<link href="[^"]*" rel="modulepreload">\n/g, ''));
	});

	it('fails loudly on a page without SvelteKit’s boot script (a SvelteKit upgrade changed its markup)', () => {
		expect(() => deferAppBoot(page.replace(BOOT, 'start()'))).toThrow(/boot script/);
	});
});
