/**
 * Which of a query's keys are the page's state (url-state.ts's UrlState). Apart from url-state.ts,
 * which brings date parsing and the scales' spacing, so the pages' first script can ask it alone.
 */
import type { UrlState } from './url-state.ts';

/** The query's keys that carry the page's state; others (a utm_source) are not ours. */
export const URL_STATE_KEYS = ['event', 'from', 'to', 'themes', 'sources', 'types', 'context', 'q', 'spacing'] as const satisfies readonly (keyof UrlState)[];

/** Whether a query names any of the page's state (a link to an event, a view, filters, a search). */
export const namesUrlState = (params: URLSearchParams): boolean => URL_STATE_KEYS.some((key) => params.has(key));
