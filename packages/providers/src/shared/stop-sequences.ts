/** Text cut at the first stop sequence it contains, and whether a cut was made. */
export interface StopCut {
  /** The text before the earliest stop sequence (the whole text when none occurs). */
  text: string;
  /** True when a stop sequence was found and the text was cut there. */
  cut: boolean;
}

/**
 * Cuts `text` at the earliest occurrence of any of `stop`, so no stop sequence is ever part of a result:
 * some servers (Text Generation Inference among them) keep the matched stop sequence in the text, and a
 * stop sequence that the vendor refuses to take (Anthropic refuses whitespace-only ones) is applied
 * here instead. Empty stop sequences are ignored.
 *
 * @example
 * ```ts
 * cutAtStop('A: 1\n\nB: 2', ['\n\n']); // { text: 'A: 1', cut: true }
 * ```
 */
export function cutAtStop(text: string, stop: readonly string[] | undefined): StopCut {
  let end = -1;
  for (const sequence of stop ?? []) {
    if (sequence === '') continue;
    const at = text.indexOf(sequence);
    if (at >= 0 && (end < 0 || at < end)) end = at;
  }
  return end < 0 ? { text, cut: false } : { text: text.slice(0, end), cut: true };
}
