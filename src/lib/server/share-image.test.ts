import { describe, expect, it } from 'vitest';
import { dataPaths, loadTimeline } from './data.ts';
import { oembedResponse } from './oembed.ts';
import { paletteFromCss, shareImages } from './share-image.ts';

const site = 'https://timeline.example.org';

describe('share images', () => {
	it('are named by what they draw: the same data gives the same names, a corrected event a new one', () => {
		const ids = ['treaty-signed', 'assad-falls'];
		const first = shareImages(loadTimeline(dataPaths(), () => {}), site, ids);
		const again = shareImages(loadTimeline(dataPaths(), () => {}), site, ids);
		expect(again.get('treaty-signed')!.file).toBe(first.get('treaty-signed')!.file);
		expect(first.get('treaty-signed')!.file).toMatch(/^treaty-signed\.[0-9a-f]{10}\.png$/);

		const corrected = loadTimeline(dataPaths(), () => {});
		corrected.events.find((event) => event.id === 'treaty-signed')!.title += ' (corrected)';
		const after = shareImages(corrected, site, ids);
		expect(after.get('treaty-signed')!.file).not.toBe(first.get('treaty-signed')!.file);
		// The other event's card does not draw the changed title: its name stays.
		expect(after.get('assad-falls')!.file).toBe(first.get('assad-falls')!.file);
	});

	it('take the light palette from app.css and name a colour they cannot read', () => {
		const palette = paletteFromCss(':root{--bg: light-dark(#ffffff, #000000); --fg: #111; --fg-muted:#222;--bg-raised:#fff;--line:#333;--line-strong:#444;--focus:#c2410c;--mark-highlight:#eee;--era-a:#ddd;--era-b:#ccc;--theme-diplomacy:#1f6fb8;--theme-military-security:#b5331b;--theme-nuclear-energy:#7a5a00;--theme-economy-trade:#207a45;--theme-multilateral:#7b3fa0;--theme-sanctions:#4d5560}');
		expect(palette.bg).toBe('#ffffff');
		expect(palette.fg).toBe('#111');
		expect(() => paletteFromCss(':root{--bg: red}')).toThrow(/--bg/);
	});
});

describe('oEmbed responses', () => {
	it('embed with absolute URLs on the site, escaped, with the card as thumbnail', () => {
		const meta = {
			site,
			siteTitle: 'Russia & Iran',
			title: 'A "quoted" <title>',
			description: 'd',
			canonical: `${site}/events/x`,
			oembed: `${site}/oembed/x.json`,
			image: { url: `${site}/share/x.0123456789.png`, width: 1200, height: 630, alt: 'a' }
		};
		const response = oembedResponse(meta, 'embed?event=x&y=1');
		expect(response).toMatchObject({ version: '1.0', type: 'rich', provider_url: `${site}/`, thumbnail_url: meta.image.url, thumbnail_width: 1200, thumbnail_height: 630 });
		expect(response.html).toContain(`<iframe src="${site}/embed?event=x&amp;y=1" title="A &quot;quoted&quot; &lt;title&gt;"`);
		expect(response.html).toContain(`<script src="${site}/embed.js" async></script>`);
	});
});
