#!/usr/bin/env node
// A plain static file server for the built site (`vite preview` does not serve adapter-static's
// build/ folder as a static host would). Resolves /embed to embed.html and / to index.html, like
// most static hosts and CDNs, and gzips text as they do (so Lighthouse and the browser see the
// transfer sizes a real host gives). usage: node scripts/serve.mjs [folder=build] [port=4173] [--no-cors]
// --no-cors leaves out the CORS header, as most static hosts do by default: a sandboxed embed's
// module scripts then fail to load, and the prerendered timeline is what its reader gets.
// Port 0 picks a free port; the line printed on start names it.
// Imported, createStaticServer serves a folder the same way (the other engines' suite adds a script
// of its own to each page through `headStart`).
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml'
};

const COMPRESSED = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.xml']);
/** The gzipped body of each file, kept until the file changes: each version is compressed once. */
const gzipped = new Map();
function gzipOf(file) {
	const mtime = statSync(file).mtimeMs;
	const cached = gzipped.get(file);
	if (cached?.mtime === mtime) return cached.body;
	const body = gzipSync(readFileSync(file));
	gzipped.set(file, { mtime, body });
	return body;
}

/** The file under `root` for a URL path, or null; never a path outside the root. */
function fileFor(root, pathname) {
	const path = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
	const candidates = [join(root, path), join(root, `${path}.html`), join(root, path, 'index.html')];
	return candidates.find((file) => file.startsWith(root) && existsSync(file) && statSync(file).isFile()) ?? null;
}

/**
 * A server for the static folder `root`. `cors`: send the CORS header. `headStart`: markup put at the
 * start of each HTML page's <head> (sent uncompressed); `extra`: more files by path, { type, body }.
 */
export function createStaticServer(root, { cors = true, headStart = '', extra = {} } = {}) {
	return createServer((request, response) => {
		let pathname = '/';
		let file = null;
		try {
			pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
			file = fileFor(root, pathname);
		} catch {
			file = null;
		}
		const added = extra[pathname];
		if (added) {
			response.writeHead(200, { 'content-type': added.type, 'cache-control': 'no-store' }).end(added.body);
			return;
		}
		if (!file) {
			response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
			return;
		}
		const headers = {
			'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
			// A sandboxed embed (no allow-same-origin) has an opaque origin: its module scripts are
			// cross-origin requests and need CORS. The README tells hosts to send the same header.
			...(cors ? { 'access-control-allow-origin': '*' } : {}),
			vary: 'accept-encoding'
		};
		if (headStart && extname(file) === '.html') {
			response.writeHead(200, headers).end(readFileSync(file, 'utf8').replace(/<head>/i, (head) => head + headStart));
			return;
		}
		if (COMPRESSED.has(extname(file)) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
			const body = gzipOf(file);
			response.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': body.length }).end(request.method === 'HEAD' ? undefined : body);
			return;
		}
		response.writeHead(200, headers);
		createReadStream(file).pipe(response);
	});
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	const args = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
	const cors = !process.argv.includes('--no-cors');
	const root = resolve(args[0] ?? 'build');
	const port = Number(args[1] ?? process.env.PORT ?? 4173);
	const server = createStaticServer(root, { cors });
	server.listen(port, '127.0.0.1', () => console.log(`Serving ${root} at http://127.0.0.1:${server.address().port}${cors ? '' : ' (no CORS header)'}`));
}
