const FENCE_LINE = /^[ \t]*(?:```|~~~)[^\n]*$/gm;
const HEADER = /^[ \t]{0,3}#{1,6}[ \t]+/gm;
const QUOTE = /^[ \t]*>[ \t]?/gm;
const BULLET = /^[ \t]*[-*+][ \t]+/gm;
const PAIRED_TOKENS = /\*\*|__|~~|`/g;
const SINGLE_EMPHASIS = /(?<![\p{L}\p{N}*_\\])([*_])(?=\S)([^*_\n]*?\S)\1(?![\p{L}\p{N}*_])/gu;

// Which rules a markdown character can trigger, one bit per rule. Every rule needs at least one of these
// characters, and removing markdown never adds a character, so a rule whose characters are absent from
// the input cannot match at any step and is skipped.
const FENCE = 1;
const HEADING = 2;
const QUOTING = 4;
const LIST = 8;
const PAIRED = 16;
const EMPHASIS = 32;

/** The rules each ASCII code unit can take part in (0 for every other character). */
const RULES_OF = new Uint8Array(128);
RULES_OF[0x60] = FENCE | PAIRED; // `
RULES_OF[0x7e] = FENCE | PAIRED; // ~
RULES_OF[0x23] = HEADING; // #
RULES_OF[0x3e] = QUOTING; // >
RULES_OF[0x2d] = LIST; // -
RULES_OF[0x2b] = LIST; // +
RULES_OF[0x2a] = LIST | PAIRED | EMPHASIS; // *
RULES_OF[0x5f] = PAIRED | EMPHASIS; // _

/**
 * Whether a UTF-16 code unit is one of the characters some rule of {@link stripMarkdown} needs
 * (`` ` `` `~` `#` `>` `-` `+` `*` `_`): text without any of them is left as it is.
 */
export function isMarkdownCode(code: number): boolean {
  return code < 128 && RULES_OF[code] !== 0;
}

/** The rules of {@link stripMarkdown} that can match somewhere in `text`: one pass over its code units. */
function markdownRulesIn(text: string): number {
  let rules = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) rules |= RULES_OF[code]!;
  }
  return rules;
}

/**
 * Removes markdown formatting from a model's answer: code-fence lines, headers (`# `), block quotes
 * (`> `), list bullets (`- `, `* `, `+ `; numbered items are kept, as `1.` may be the answer), bold,
 * underline and strike-through markers (`**`, `__`, `~~`, as HRET removes them), backticks, and single
 * `*`/`_` emphasis around a word (`*B*` → `B`, while `2*3*4` is left alone). Text without any markdown
 * character is returned as it is, without running a regular expression.
 *
 * @example
 * ```ts
 * stripMarkdown('## **Answer:** `B`'); // 'Answer: B'
 * ```
 */
export function stripMarkdown(text: string): string {
  const rules = markdownRulesIn(text);
  if (rules === 0) return text;
  let out = text;
  if (rules & FENCE) out = out.replace(FENCE_LINE, '');
  if (rules & HEADING) out = out.replace(HEADER, '');
  if (rules & QUOTING) out = out.replace(QUOTE, '');
  if (rules & LIST) out = out.replace(BULLET, '');
  if (rules & PAIRED) out = out.replace(PAIRED_TOKENS, '');
  if (rules & EMPHASIS) out = out.replace(SINGLE_EMPHASIS, '$2');
  return out;
}
