/** The kinds of source, shown on every citation so opinion is never read as reporting. */
export const SOURCE_TYPES = ['news report', 'analysis', 'opinion', 'government statement'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];
/** Each type as the page writes it (badges, filters, the method section). */
export const SOURCE_TYPE_LABEL: Record<SourceType, string> = {
	'news report': 'News report',
	analysis: 'Analysis',
	opinion: 'Opinion',
	'government statement': 'Government statement'
};

/**
 * Kinds of note: where the sources disagree (with each other or with the record), facts that come
 * from outside the five articles, and the editors' remarks about the sources themselves.
 */
export const NOTE_KINDS = ['sources disagree', 'not in these sources', 'editorial'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];
export const NOTE_LABEL: Record<NoteKind, string> = {
	'sources disagree': 'Sources disagree',
	'not in these sources': 'Not in these sources',
	editorial: 'Editors’ note'
};

/**
 * Where an event's date comes from: stated in its citations ("On January 17"), inferred from them
 * ("last July" in a 2025 article), or from outside the five articles (the public record).
 */
export const DATE_BASES = ['sources', 'inferred', 'outside'] as const;
export type DateBasis = (typeof DATE_BASES)[number];
export const DATE_BASIS_LABEL: Record<DateBasis, string | null> = {
	sources: null,
	inferred: 'Date inferred from the sources',
	outside: 'Date not in these sources'
};
