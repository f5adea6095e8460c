const FENCE_LINE = /^[ \t]*(?:```|~~~)[^\n]*$/gm;
const HEADER = /^[ \t]{0,3}#{1,6}[ \t]+/gm;
const QUOTE = /^[ \t]*>[ \t]?/gm;
const BULLET = /^[ \t]*[-*+][ \t]+/gm;
const PAIRED_TOKENS = /\*\*|__|~~|`/g;
const SINGLE_EMPHASIS = /(?<![\p{L}\p{N}*_\\])([*_])(?=\S)([^*_\n]*?\S)\1(?![\p{L}\p{N}*_])/gu;

/**
 * Removes markdown formatting from a model's answer: code-fence lines, headers (`# `), block quotes
 * (`> `), list bullets (`- `, `* `, `+ `; numbered items are kept, as `1.` may be the answer), bold,
 * underline and strike-through markers (`**`, `__`, `~~`, as HRET removes them), backticks, and single
 * `*`/`_` emphasis around a word (`*B*` → `B`, while `2*3*4` is left alone).
 *
 * @example
 * ```ts
 * stripMarkdown('## **Answer:** `B`'); // 'Answer: B'
 * ```
 */
export function stripMarkdown(text: string): string {
  return text
    .replace(FENCE_LINE, '')
    .replace(HEADER, '')
    .replace(QUOTE, '')
    .replace(BULLET, '')
    .replace(PAIRED_TOKENS, '')
    .replace(SINGLE_EMPHASIS, '$2');
}
