import { closingBrace } from './braces.js';

const UNWRAP_COMMANDS = [
  'text',
  'textbf',
  'textit',
  'textrm',
  'mathrm',
  'mathbf',
  'mathit',
  'mbox',
  'operatorname',
];

/** Replaces `\cmd{content}` by `content` for the given commands, nested braces included. */
function unwrapCommands(text: string): string {
  let out = text;
  for (const cmd of UNWRAP_COMMANDS) {
    const re = new RegExp(`\\\\${cmd}\\s*\\{`, 'g');
    for (let m = re.exec(out); m !== null; m = re.exec(out)) {
      const open = m.index + m[0].length - 1;
      const end = closingBrace(out, open);
      if (end === -1) break;
      out = out.slice(0, m.index) + out.slice(open + 1, end - 1) + out.slice(end);
      re.lastIndex = m.index;
    }
  }
  return out;
}

/**
 * Rewrites LaTeX into the plain notation the expression parser reads: drops `$`, `\(`, `\)`, `\[`,
 * `\]`, `\displaystyle`, `\left`/`\right`, thin spaces (`\!`, `\,`, `\;`, `\:`, `\ `, `~`), degrees
 * (`^\circ`, `^{\circ}`, `°`); unwraps `\text{…}`, `\mathrm{…}`, `\textbf{…}`, `\mbox{…}`; turns
 * `\dfrac`/`\tfrac` into `\frac`, `\times`/`\cdot`/`×`/`·` into `*`, `\div`/`÷` into `/`, `\%` into `%`,
 * `{,}` into `,`, a Unicode minus into `-`, `√` into `\sqrt`, `π` into `\pi`, and a trailing period away.
 *
 * @example
 * ```ts
 * cleanLatex('$\\left( \\dfrac{3}{4} \\right)$'); // '( \\frac{3}{4} )'
 * ```
 */
export function cleanLatex(text: string): string {
  let out = unwrapCommands(text)
    .replace(/\\\(|\\\)|\\\[|\\\]|\$/g, '')
    .replace(/\\displaystyle/g, '')
    .replace(/\\(?:left|right)\s*(\.|\\[{}]|[()[\]|])/g, (_, d: string) => (d === '.' ? '' : d))
    .replace(/\\(?:big|Big|bigg|Bigg)[lr]?/g, '')
    .replace(/\^\s*\{?\s*\\circ\s*\}?|°|\\degree/g, '')
    .replace(/\\[!,;: ]|~/g, ' ')
    .replace(/\\[dt]frac/g, '\\frac')
    .replace(/\\times|\\cdot|[×·∙]/g, '*')
    .replace(/\\div|÷/g, '/')
    .replace(/\\%/g, '%')
    .replace(/\{,\}/g, ',')
    .replace(/[−–]/g, '-')
    .replace(/√/g, '\\sqrt')
    .replace(/π/g, '\\pi');
  out = out.trim().replace(/\.$/, '').trim();
  return out;
}
