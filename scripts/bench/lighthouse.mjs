// Lighthouse (the npm package, programmatic API) on a page: the four category scores and the
// audits that kept each below 100. 'mobile' is Lighthouse's default config (Moto G power-class
// emulation, simulated slow 4G and 4x CPU slowdown); 'desktop' is its desktop preset.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

export async function runLighthouse(url, chromePath, formFactor = 'mobile') {
	const chrome = await chromeLauncher.launch({
		chromePath,
		chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
	});
	try {
		const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES };
		const result = await lighthouse(url, flags, formFactor === 'desktop' ? desktopConfig : undefined);
		const lhr = result?.lhr;
		if (!lhr) throw new Error('Lighthouse returned no result');
		if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
		const scores = {};
		const failing = {};
		for (const id of CATEGORIES) {
			const category = lhr.categories[id];
			scores[id] = category?.score == null ? null : Math.round(category.score * 100);
			// Audits that count towards the score and did not pass.
			failing[id] = (category?.auditRefs ?? [])
				.filter((ref) => ref.weight > 0)
				.map((ref) => lhr.audits[ref.id])
				.filter((audit) => audit && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'notApplicable' && audit.scoreDisplayMode !== 'informative')
				.map((audit) => `${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
		}
		const metric = (id) => lhr.audits[id]?.numericValue ?? null;
		return {
			url,
			scores,
			failing,
			metrics: { fcp: metric('first-contentful-paint'), lcp: metric('largest-contentful-paint'), tbt: metric('total-blocking-time'), cls: metric('cumulative-layout-shift') },
			formFactor: lhr.configSettings?.formFactor,
			throttling: lhr.configSettings?.throttlingMethod,
			version: lhr.lighthouseVersion,
			warnings: lhr.runWarnings ?? []
		};
	} finally {
		await chrome.kill();
	}
}
