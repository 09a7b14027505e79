/**
 * Host pages on a second origin, for testing the embed as a news site would use it: a tiny HTTP
 * server (one per worker, on a free port of "localhost", which is another origin, and another site,
 * than the timeline's http://127.0.0.1:4173) serving the HTML each test registers.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The timeline's origin (playwright.config.ts's webServer). */
export const SITE = `http://127.0.0.1:${process.env.TEST_PORT ?? 4173}`;

export class HostServer {
	private readonly pages = new Map<string, string>();
	private server: Server | undefined;
	/** e.g. http://localhost:45678, set by start(). */
	origin = '';

	async start(): Promise<void> {
		const server = createServer((request, response) => {
			const path = new URL(request.url ?? '/', 'http://localhost').pathname;
			const html = this.pages.get(path);
			if (path === '/favicon.ico') {
				response.writeHead(204).end();
			} else if (html === undefined) {
				response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
			} else {
				response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
			}
		});
		// No host: the dual-stack wildcard, so "localhost" works whether the browser picks ::1 or 127.0.0.1.
		await new Promise<void>((resolve) => server.listen(0, resolve));
		this.server = server;
		this.origin = `http://localhost:${(server.address() as AddressInfo).port}`;
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
		this.server = undefined;
	}

	/** Serves `html` at a fresh path; returns its absolute URL. */
	add(html: string, name = 'page'): string {
		const path = `/${name}-${this.pages.size + 1}.html`;
		this.pages.set(path, html);
		return `${this.origin}${path}`;
	}
}

const PARAGRAPH =
	'Lorem ipsum dolor sit amet, consectetur adipiscing elit. Sed do eiusmod tempor incididunt ut labore et dolore magna ' +
	'aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.';

/**
 * An article: a heading and a paragraph above `content`, several paragraphs below (so the page can
 * scroll), no favicon request.
 */
export function article(content: string, { title = 'A host article', head = '' } = {}): string {
	const below = Array.from({ length: 12 }, (_, i) => `<p class="below">Paragraph ${i + 1} after the timeline. ${PARAGRAPH}</p>`).join('\n');
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title}</title>
<style>
	body { margin: 1rem; font: 16px/1.5 Georgia, serif; }
	iframe { display: block; width: 100%; border: 0; margin: 1rem 0; }
</style>
${head}
</head>
<body>
<h1>${title}</h1>
<p class="above">The paragraph before the timeline. ${PARAGRAPH}</p>
${content}
${below}
</body>
</html>`;
}

/** An iframe of the embed (src: a query string such as "?event=x", or a full URL) and embed.js. */
export function embedMarkup(query = '', { attributes = '', script = true } = {}): string {
	const src = /^https?:/.test(query) ? query : `${SITE}/embed${query}`;
	return (
		`<iframe id="embed" src="${src.replace(/&/g, '&amp;')}" title="The timeline" width="100%" height="640" ${attributes}></iframe>\n` +
		(script ? `<script src="${SITE}/embed.js" async></script>` : '')
	);
}
