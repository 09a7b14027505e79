/** The kinds of source, shown on every citation so opinion is never read as reporting. */
export const SOURCE_TYPES = ['news report', 'analysis', 'opinion', 'government statement'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];
