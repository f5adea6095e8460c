/** One match of a pattern in a request, at its position in the original text. */
export interface TextMatch {
  /** The matched text, verbatim. */
  text: string;
  /** Index of the first character in the request. */
  start: number;
  /** Index after the last character. */
  end: number;
  /** The capture groups (undefined where a group did not take part). */
  groups: readonly (string | undefined)[];
}

/**
 * A request being read: each extractor takes what it recognises and masks it, so a later extractor
 * cannot read the same characters again (the `4` of `gpt-4o` is never a sample size, and a URL is never
 * a Hub model id). Masking keeps positions, so matches always point into the original text.
 */
export class RequestText {
  /** The request as given (NFC-normalised). */
  readonly original: string;
  private masked: string;

  constructor(request: string) {
    this.original = request.normalize('NFC');
    this.masked = this.original;
  }

  /** The request with every taken span replaced by spaces. */
  get remaining(): string {
    return this.masked;
  }

  /** Finds every match of `pattern` in the unmasked text without masking it. */
  find(pattern: RegExp): TextMatch[] {
    const flags = new Set([...pattern.flags, 'g', 'd']);
    const global = new RegExp(pattern.source, [...flags].join(''));
    const found: TextMatch[] = [];
    for (const m of this.masked.matchAll(global)) {
      if (m[0] === '') continue;
      const start = m.index;
      found.push({
        text: this.original.slice(start, start + m[0].length),
        start,
        end: start + m[0].length,
        groups: m.slice(1).map((_, i) => {
          const span = m.indices?.[i + 1];
          return span === undefined ? undefined : this.original.slice(span[0], span[1]);
        }),
      });
    }
    return found;
  }

  /** Finds every match of `pattern` and masks it. */
  take(pattern: RegExp): TextMatch[] {
    const found = this.find(pattern);
    for (const m of found) this.mask(m.start, m.end);
    return found;
  }

  /** Masks the characters from `start` to `end`. */
  mask(start: number, end: number): void {
    this.masked = this.masked.slice(0, start) + ' '.repeat(end - start) + this.masked.slice(end);
  }
}
