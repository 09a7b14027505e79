/**
 * Ready-made citations: of a timeline entry and of each source, as plain text and BibTeX.
 * Unknown metadata stays "unknown", never guessed.
 */
import { formatPartialDate } from './dates.ts';
import { formatUTC } from './date-text.ts';
import { eventDateText, sourceCredit, type Source, type TimelineEvent } from './events.ts';

/** "Author unknown. “Title unknown.” Outlet unknown, date unknown. URL unknown." with what is known. */
export function citeSource(source: Source): string {
	const author = source.author ?? 'Author unknown';
	const title = source.title ?? 'Title unknown';
	const outlet = source.outlet ?? 'Outlet unknown';
	const published = source.published ? formatPartialDate(source.published) : 'date unknown';
	// A publication reproduced inside another is cited as itself, then where it was read.
	const within = source.within ? ` Reproduced in ${citeSource(source.within)}` : '';
	return `${author}. “${title}.” ${outlet} (${source.type}), ${published}. ${source.url ?? 'URL unknown'}.${within}`;
}

/** A citation of the timeline entry itself, with its deep link. */
export function citeEvent(event: TimelineEvent, timelineTitle: string, link: string, accessed: Date): string {
	return `“${event.title}” (${eventDateText(event)}). In ${timelineTitle}: a sourced timeline. ${link}. Accessed ${formatUTC(accessed, 'd MMMM yyyy')}.`;
}

/**
 * BibTeX counts every brace, escaped or not, so braces and backslashes become LaTeX text
 * commands; the text itself is kept.
 */
function bibtexValue(text: string): string {
	const LATEX: Record<string, string> = { '\\': '\\textbackslash{}', '{': '\\textbraceleft{}', '}': '\\textbraceright{}' };
	return `{${text.replace(/[\\{}]/g, (c) => LATEX[c]!)}}`;
}

function bibtexEntry(key: string, fields: [string, string | null | undefined][]): string {
	const lines = fields.filter(([, value]) => value).map(([name, value]) => `  ${name} = ${bibtexValue(value!)}`);
	return `@misc{${key},\n${lines.join(',\n')}\n}`;
}

export function bibtexForSource(source: Source): string {
	return bibtexEntry(`source-${source.id}`, [
		['title', source.title],
		['author', source.author],
		['howpublished', source.outlet],
		['year', source.published ? String(source.published.start.getUTCFullYear()) : null],
		['url', source.url],
		['note', [`Source type: ${source.type}`, source.within ? `reproduced in ${sourceCredit(source.within)}` : null, source.title ? null : 'title unknown', source.author ? null : 'author unknown', source.published ? null : 'date unknown'].filter(Boolean).join('; ')]
	]);
}

export function bibtexForEvent(event: TimelineEvent, timelineTitle: string, link: string, accessed: Date): string {
	return bibtexEntry(`timeline-${event.id}`, [
		['title', event.title],
		['howpublished', `${timelineTitle}: a sourced timeline`],
		['note', `Event dated ${eventDateText(event)}; accessed ${formatUTC(accessed, 'yyyy-MM-dd')}`],
		['url', link]
	]);
}
