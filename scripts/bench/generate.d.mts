// Types for generate.mjs, so TypeScript tests (tests/large-data.test.ts) can import it.
export function generateDataset(count: number, seed?: number): { data: { events: { id: string }[]; sources: { id: string }[] }; texts: Map<string, string> };
export function writeDataset(count: number, eventsFile: string, sourcesDir: string, seed?: number): { events: { id: string }[]; sources: { id: string }[] };
export function prng(seed: number): () => number;
