/**
 * One small driver over two automation stacks, so the smoke suite reads the same in each engine:
 * Firefox ESR through puppeteer-core (WebDriver BiDi) and WebKitGTK's MiniBrowser through
 * selenium-webdriver (WebKitWebDriver, under an X display). Only what the suite needs: open a URL,
 * run a self-contained function in the page (or in an iframe), click and type as a reader does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { launch, type Browser, type Frame, type Page } from 'puppeteer-core';
import { Builder, By, Key, type WebDriver } from 'selenium-webdriver';
import { ENGINES } from '../../scripts/engines.mjs';

export type EngineName = 'firefox' | 'webkit';

export interface EngineDriver {
	readonly name: EngineName;
	/** Opens `url` and waits for the document to have loaded. */
	goto(url: string): Promise<void>;
	/** Runs `fn` (self-contained: it is sent as source) in the current frame; returns its result. */
	evaluate<A extends unknown[], T>(fn: (...args: A) => T, ...args: A): Promise<T>;
	/** A reader's click at the centre of the first element matching `selector`, scrolled into view. */
	click(selector: string): Promise<void>;
	/** Presses `key` (a character, or Escape) on the focused element. */
	press(key: string): Promise<void>;
	/** Works inside the iframe matching `selector` from now on; null: back to the top page. */
	frame(selector: string | null): Promise<void>;
	screenshot(path: string): Promise<void>;
	quit(): Promise<void>;
}

/** Polls `condition` (in Node, usually through evaluate) until it holds; fails with `message` after `timeout` ms. */
export async function waitFor(condition: () => Promise<boolean>, message: string, timeout = 15_000): Promise<void> {
	const end = Date.now() + timeout;
	while (!(await condition())) {
		if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for: ${message}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

export async function launchEngine(name: EngineName, width: number, height: number): Promise<EngineDriver> {
	return name === 'firefox' ? launchFirefox(width, height) : launchWebKit(width, height);
}

async function launchFirefox(width: number, height: number): Promise<EngineDriver> {
	// No setViewport: puppeteer 24's emulation commands are newer than ESR's BiDi. The window's size is the viewport.
	const browser: Browser = await launch({
		browser: 'firefox',
		executablePath: ENGINES.firefox.needs[0],
		headless: true,
		defaultViewport: null,
		args: [`--width=${width}`, `--height=${height}`]
	});
	const page: Page = await browser.newPage();
	let current: Page | Frame = page;
	return {
		name: 'firefox',
		async goto(url) {
			current = page;
			await page.goto(url, { waitUntil: 'load' });
		},
		evaluate: (fn, ...args) => current.evaluate(fn as never, ...(args as unknown as never[])) as never,
		async click(selector) {
			if (current === page) return page.click(selector);
			// In a frame: the mouse at the element's centre, the frame's offset added (Frame.click
			// needs a BiDi locator that ESR does not have).
			const frameUrl = current.url();
			const offset = await page.evaluate((url: string) => {
				const frame = [...document.querySelectorAll('iframe')].find((element) => element.src === url)!;
				frame.scrollIntoView({ block: 'nearest' });
				const box = frame.getBoundingClientRect();
				return { x: box.left + frame.clientLeft, y: box.top + frame.clientTop };
			}, frameUrl);
			const centre = await current.evaluate((css: string) => {
				const element = document.querySelector(css)!;
				element.scrollIntoView({ block: 'nearest' });
				const box = element.getBoundingClientRect();
				return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
			}, selector);
			await page.mouse.click(offset.x + centre.x, offset.y + centre.y);
		},
		async press(key) {
			await page.keyboard.press(key as never);
		},
		async frame(selector) {
			if (selector === null) {
				current = page;
				return;
			}
			// By its URL: ElementHandle.contentFrame needs a BiDi locator that ESR does not have.
			const src = await page.$eval(selector, (element) => (element as HTMLIFrameElement).src);
			const frame = page.frames().find((candidate) => candidate.url() === src);
			if (!frame) throw new Error(`no frame at ${src} (${selector})`);
			current = frame;
		},
		async screenshot(path) {
			await page.screenshot({ path: path as `${string}.png` });
		},
		quit: () => browser.close()
	};
}

async function launchWebKit(width: number, height: number): Promise<EngineDriver> {
	const port = await freePort();
	const server: ChildProcess = spawn(ENGINES.webkit.needs[0]!, [`--port=${port}`], { stdio: 'ignore' });
	const driver: WebDriver = await new Builder()
		.usingServer(`http://127.0.0.1:${port}`)
		.withCapabilities({
			browserName: 'MiniBrowser',
			// WebKitGTK's navigation can hang waiting for "complete": the suite waits for readyState itself.
			pageLoadStrategy: 'none',
			'webkitgtk:browserOptions': { binary: ENGINES.webkit.needs[1], args: ['--automation'] }
		})
		.build()
		.catch(async (error: unknown) => {
			server.kill();
			throw error;
		});
	await driver.manage().window().setRect({ width, height });
	const find = (selector: string) => driver.findElement(By.css(selector));
	return {
		name: 'webkit',
		async goto(url) {
			await driver.switchTo().defaultContent();
			// A mark on the old document, so that readyState is read from the new one.
			await driver.executeScript('window.__leaving = true').catch(() => undefined);
			await driver.get(url);
			await waitFor(
				async () => (await driver.executeScript('return !window.__leaving && document.readyState === "complete"').catch(() => false)) === true,
				`${url} to load`
			);
		},
		evaluate: (fn, ...args) => driver.executeScript(`return (${fn.toString()}).apply(null, arguments)`, ...args) as never,
		async click(selector) {
			await (await find(selector)).click();
		},
		async press(key) {
			// Named keys as WebDriver's code points; a character as itself.
			await driver.actions().sendKeys(key === 'Escape' ? Key.ESCAPE : key).perform();
		},
		async frame(selector) {
			if (selector === null) await driver.switchTo().defaultContent();
			else await driver.switchTo().frame(await find(selector));
		},
		async screenshot(path) {
			writeFileSync(path, Buffer.from(await driver.takeScreenshot(), 'base64'));
		},
		async quit() {
			await driver.quit().catch(() => undefined);
			server.kill();
		}
	};
}
