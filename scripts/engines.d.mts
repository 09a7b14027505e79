export const ENGINES: Record<'firefox' | 'webkit', { label: string; needs: string[]; install: string }>;
