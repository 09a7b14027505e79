import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { BOOT_AFTER_PAINT, deferAppBoot } from './defer-boot';

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
	</head>
	<body><div style="display: contents"><main>…</main>
			<script>${BOOT}</script>
		</div>
	</body>
</html>`;

describe('deferAppBoot', () => {
	const FIRST = "document.documentElement.dataset.firstClick = 'ready';";
	const deferred = deferAppBoot(page, FIRST, 'embed');

	it('puts the first script right after the policy, and takes out the preloads of the app’s modules', () => {
		expect(deferred).toContain(`'sha256-x'">\n<script data-first-click="embed">${FIRST}</script>\n`);
		expect(deferred).not.toContain('rel="modulepreload"');
		expect(deferred).toContain('<link rel="icon" href="./favicon.svg" type="image/svg+xml" />');
	});

	it('leaves the boot script inert with its text unchanged (the policy’s hash is of that text), the preloads’ URLs on it', () => {
		const inert = '<script type="text/plain" data-app-boot data-preload="./_app/immutable/entry/start.C10VdQ7D.js ./_app/immutable/chunks/B9PNTGnR.js">';
		const after = `<script data-boot-after-paint>${BOOT_AFTER_PAINT}</script>`;
		expect(deferred).toContain(`${inert}${BOOT}</script>${after}`);
		expect(deferred).not.toMatch(/<script>/);
		// The policy allows the script that boots it and the first script, by the hashes of their text.
		const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
		const hashes = `${hash(FIRST)} ${hash(BOOT_AFTER_PAINT)} `;
		expect(deferred).toContain(`script-src ${hashes}'self' 'sha256-x'`);
		// Everything else is as it was.
		const first = `<script data-first-click="embed">${FIRST}</script>\n`;
		expect(deferred.replace(inert, '<script>').replace(after, '').replace(hashes, '').replace(first, '')).toBe(page.replace(/[ \t]*<link href="[^"]*" rel="modulepreload">\n/g, ''));
	});

	it('fails loudly on a page without SvelteKit’s boot script or policy (a SvelteKit upgrade changed its markup)', () => {
		expect(() => deferAppBoot(page.replace(BOOT, 'start()'), FIRST, 'embed')).toThrow(/boot script/);
		expect(() => deferAppBoot(page.replace('content-security-policy', 'x'), FIRST, 'embed')).toThrow(/security policy/);
	});
});
