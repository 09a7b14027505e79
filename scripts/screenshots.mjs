#!/usr/bin/env node
// Screenshots of the built site for the README and for looking at changes: the whole view and an
// open event, wide (1440 px) and at 360 px. usage: npm run build && npm run screenshots
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { chromiumExecutable } from './find-chromium.mjs';

const PORT = 4174;
const server = spawn(process.execPath, ['scripts/serve.mjs', 'build', String(PORT)], { stdio: 'ignore' });
await new Promise((resolve) => setTimeout(resolve, 500));
const browser = await chromium.launch({
	executablePath: chromiumExecutable(),
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
});
try {
	for (const [name, width, height] of [['wide', 1440, 900], ['narrow', 360, 780]]) {
		const page = await browser.newPage({ viewport: { width, height }, reducedMotion: 'reduce' });
		await page.goto(`http://127.0.0.1:${PORT}/`);
		await page.locator('button[data-event-id]').first().waitFor();
		await page.screenshot({ path: `docs/screenshot-${name}.png` });
		await page.getByRole('button', { name: /^Show on timeline: Putin and Pezeshkian sign/ }).click();
		await page.waitForTimeout(300);
		await page.screenshot({ path: `docs/screenshot-${name}-open.png` });
		await page.close();
	}
	console.log('wrote docs/screenshot-{wide,narrow}{,-open}.png');
} finally {
	await browser.close();
	server.kill();
}
