/**
 * What a test reads of a PDF Chromium printed: its fonts (the /BaseFont of each embedded font, subset
 * prefix "AAAAAA+" dropped) and its pages. Chromium (Skia) writes these dictionaries uncompressed.
 */
export function pdfFonts(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes).toString('latin1');
  return [...new Set([...text.matchAll(/\/BaseFont\s*\/(?:[A-Z]{6}\+)?([A-Za-z0-9_-]+)/g)].map((m) => m[1]!))].sort();
}

export function pdfPageCount(bytes: Uint8Array): number {
  return (Buffer.from(bytes).toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
}
