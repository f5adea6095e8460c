import { regexpTokens } from './tokenizer-regexp.js';

/**
 * The tokens of sacrebleu's default `13a` tokenizer (mteval-v13a.pl, used by WMT): removes
 * `<skipped>`, joins lines (`-\n` glued, `\n` as a space), unescapes `&quot;`, `&amp;`, `&lt;` and
 * `&gt;`, pads the line with a space on each side, then applies the mteval-v13a substitutions.
 */
export function tokens13a(line: string): string[] {
  let text = line;
  if (text.includes('<skipped>')) text = text.replaceAll('<skipped>', '');
  if (text.includes('\n')) text = text.replaceAll('-\n', '').replaceAll('\n', ' ');
  if (text.includes('&')) {
    text = text
      .replaceAll('&quot;', '"')
      .replaceAll('&amp;', '&')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>');
  }
  return regexpTokens(` ${text} `);
}
