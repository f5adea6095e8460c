/** One element of the scanned array: its JSON text and the 1-based line where it starts. */
export interface ScannedElement {
  text: string;
  line: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const LF = 0x0a;

function isSpace(code: number): boolean {
  return code === 0x20 || code === LF || code === 0x0d || code === 0x09 || code === 0xfeff;
}

/**
 * Splits a JSON document, fed in text chunks, into the elements of its row array without parsing the
 * whole document: the top-level array, or the `data` array of a top-level object (`{ "data": [...] }`).
 * Only one element's text is held at a time. It checks structure (brackets, strings), not the
 * elements' syntax: `JSON.parse` of each element does that.
 */
export class JsonArrayScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private line = 1;
  /** Depth inside the row array (its elements start at this depth); -1 until found. */
  private containerDepth = -1;
  private containerClosed = false;
  private wrapper = false;
  /** In a wrapper object: the text of the last string at depth 1, and the key it became. */
  private stringText: string[] | undefined;
  private lastString: string | undefined;
  private key: string | undefined;
  private inElement = false;
  private elementLine = 0;
  private pieces: string[] = [];

  /** Feeds the next chunk; returns the elements completed in it. Throws a message on bad structure. */
  push(chunk: string): ScannedElement[] {
    const out: ScannedElement[] = [];
    let elementStart = this.inElement ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === LF) this.line++;
      if (this.inString) {
        if (this.stringText) this.stringText.push(chunk[i]!);
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) {
          this.inString = false;
          if (this.stringText) {
            this.stringText.pop();
            this.lastString = this.stringText.join('');
            this.stringText = undefined;
          }
        }
        continue;
      }
      if (isSpace(c)) continue;
      if (this.depth === 0 && this.containerDepth === -1 && !this.wrapper) {
        if (c === OPEN_BRACKET) this.containerDepth = 1;
        else if (c === OPEN_BRACE) this.wrapper = true;
        else
          throw new Error(
            `expected a JSON array of rows or an object with a "data" array (line ${this.line})`,
          );
        this.depth = 1;
        continue;
      }
      if (this.depth === 0)
        throw new Error(`unexpected text after the end of the JSON value (line ${this.line})`);
      const atContainer = this.depth === this.containerDepth && !this.containerClosed;
      if (atContainer && !this.inElement && c !== COMMA && c !== CLOSE_BRACKET) {
        this.inElement = true;
        this.elementLine = this.line;
        elementStart = i;
      }
      if (atContainer && this.inElement && (c === COMMA || c === CLOSE_BRACKET)) {
        // end of a primitive element (objects and arrays end at their closing bracket below)
        this.pieces.push(chunk.slice(elementStart, i));
        out.push(this.takeElement());
        elementStart = -1;
      }
      switch (c) {
        case QUOTE:
          this.inString = true;
          if (this.wrapper && this.depth === 1) this.stringText = [];
          break;
        case COLON:
          if (this.wrapper && this.depth === 1) this.key = this.lastString;
          break;
        case COMMA:
          if (this.wrapper && this.depth === 1) this.key = undefined;
          break;
        case OPEN_BRACE:
        case OPEN_BRACKET:
          this.depth++;
          if (
            c === OPEN_BRACKET &&
            this.wrapper &&
            this.depth === 2 &&
            this.key === 'data' &&
            this.containerDepth === -1
          ) {
            this.containerDepth = 2;
          }
          break;
        case CLOSE_BRACE:
        case CLOSE_BRACKET:
          if (this.depth === this.containerDepth && c === CLOSE_BRACKET && !this.containerClosed) {
            this.containerClosed = true;
          }
          this.depth--;
          if (this.depth < 0) throw new Error(`unbalanced "${chunk[i]}" (line ${this.line})`);
          if (this.inElement && this.depth === this.containerDepth && !this.containerClosed) {
            this.pieces.push(chunk.slice(elementStart, i + 1));
            out.push(this.takeElement());
            elementStart = -1;
          }
          break;
      }
    }
    if (this.inElement && elementStart !== -1) this.pieces.push(chunk.slice(elementStart));
    return out;
  }

  /** Checks that the document ended cleanly; throws a message otherwise. */
  end(): void {
    if (this.containerDepth === -1 && !this.wrapper && this.depth === 0)
      throw new Error('empty JSON document');
    if (this.inString || this.depth !== 0) throw new Error(`unexpected end of JSON (line ${this.line})`);
    if (this.containerDepth === -1)
      throw new Error('expected a JSON array of rows or an object with a "data" array');
  }

  private takeElement(): ScannedElement {
    const text = this.pieces.length === 1 ? this.pieces[0]! : this.pieces.join('');
    this.pieces = [];
    this.inElement = false;
    return { text, line: this.elementLine };
  }
}
