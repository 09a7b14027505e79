import type { Server } from 'node:http';

export function createStaticServer(
	root: string,
	options?: { cors?: boolean; headStart?: string; extra?: Record<string, { type: string; body: string }> }
): Server;
