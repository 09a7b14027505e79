// The part of opentype.js (which ships no types) the share cards use: parsing a font file and
// measuring text with it.
declare module 'opentype.js' {
	export interface Glyph {
		advanceWidth: number;
	}
	export interface Font {
		unitsPerEm: number;
		charToGlyph(char: string): Glyph;
		/** 0 when the font has no glyph for the character. */
		charToGlyphIndex(char: string): number;
		getKerningValue(left: Glyph, right: Glyph): number;
	}
	// A CommonJS module: Node gives its exports as the default import.
	const opentype: { parse(buffer: ArrayBuffer): Font };
	export default opentype;
}
