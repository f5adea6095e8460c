/** Thrown inside the parser; never escapes {@link evaluateExpression}. */
class ParseFailure extends Error {}

interface Factor {
  value: number;
  /** The factor is a plain number literal (`3`, `-2`, `0.5`), for mixed numbers and `2 3` detection. */
  literal: boolean;
  /** The literal is an integer. */
  integer: boolean;
  /** The factor is `\frac{int}{int}`. */
  simpleFraction: boolean;
}

const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;

/**
 * A recursive-descent evaluator for the arithmetic in answers — never `eval`. Grammar:
 * `sum := product (('+'|'-') product)*`, `product := unary (('*'|'/') unary | implicit unary)*`,
 * `unary := ('+'|'-') unary | power`, `power := primary ('^' unary)?` (right-associative, so
 * `-2^2 = -4` and `2^3^2 = 512`), `primary := number | (sum) | {sum} | \frac g g | \sqrt[n]? g | \pi | pi
 * | sqrt(sum)`, where a group `g` is `{sum}` or one character (`\frac12`). Juxtaposition multiplies
 * (`2\sqrt{2}`, `3(4)`, `2\pi`), except that an integer followed by `\frac{int}{int}` is a mixed number
 * (`3\frac{1}{2}` = 3.5) and two bare numbers (`2 3`) are refused.
 */
class ExpressionParser {
  private i = 0;

  constructor(private readonly s: string) {}

  parse(): number {
    const v = this.sum();
    this.ws();
    if (this.i !== this.s.length) throw new ParseFailure(`unexpected ${this.s.slice(this.i, this.i + 8)}`);
    return v;
  }

  private ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }

  private peek(): string {
    this.ws();
    return this.s.slice(this.i);
  }

  private eat(token: string): boolean {
    if (this.peek().startsWith(token)) {
      this.i += token.length;
      return true;
    }
    return false;
  }

  private sum(): number {
    let v = this.product();
    for (;;) {
      if (this.eat('+')) v += this.product();
      else if (this.eat('-')) v -= this.product();
      else return v;
    }
  }

  private startsPrimary(rest: string): boolean {
    return /^(?:[\d.({]|\\frac|\\sqrt|\\pi(?![a-zA-Z])|pi(?![a-zA-Z])|sqrt\s*[({])/.test(rest);
  }

  private product(): number {
    let left = this.unary();
    for (;;) {
      if (this.eat('*')) left = plain(left.value * this.unary().value);
      else if (this.eat('/')) left = plain(left.value / this.unary().value);
      else if (this.startsPrimary(this.peek())) {
        const right = this.unary();
        if (left.literal && right.literal) throw new ParseFailure('two numbers side by side');
        if (left.literal && left.integer && right.simpleFraction) {
          left = plain(Math.sign(left.value || 1) * (Math.abs(left.value) + right.value));
        } else {
          left = plain(left.value * right.value);
        }
      } else return left.value;
    }
  }

  private unary(): Factor {
    if (this.eat('+')) return this.unary();
    if (this.eat('-')) {
      const f = this.unary();
      return { ...f, value: -f.value, simpleFraction: false };
    }
    return this.power();
  }

  private power(): Factor {
    const base = this.primary();
    if (this.eat('^')) {
      const exponent = this.peek().startsWith('{') ? this.group() : this.unary().value;
      return plain(base.value ** exponent);
    }
    return base;
  }

  private group(): number {
    this.ws();
    if (this.eat('{')) {
      const v = this.sum();
      if (!this.eat('}')) throw new ParseFailure('missing }');
      return v;
    }
    const c = this.s[this.i];
    if (c !== undefined && /\d/.test(c)) {
      this.i++;
      return Number(c);
    }
    if (this.eat('\\pi')) return Math.PI;
    throw new ParseFailure('expected a group');
  }

  private primary(): Factor {
    const rest = this.peek();
    const num = NUMBER.exec(rest);
    if (num) {
      this.i += num[0].length;
      return { value: Number(num[0]), literal: true, integer: /^\d+$/.test(num[0]), simpleFraction: false };
    }
    if (this.eat('(')) return this.closeWith(')');
    if (this.eat('{')) return this.closeWith('}');
    if (this.eat('\\frac')) {
      const before = this.i;
      const numerator = this.group();
      const afterNumerator = this.i;
      const denominator = this.group();
      const simple = [this.s.slice(before, afterNumerator), this.s.slice(afterNumerator, this.i)].every((g) =>
        /^\s*\{?\s*\d+\s*\}?\s*$/.test(g),
      );
      return { ...plain(numerator / denominator), simpleFraction: simple };
    }
    if (this.eat('\\sqrt') || /^sqrt\s*[({]/.test(rest)) {
      if (rest.startsWith('sqrt')) this.i += 4;
      let index = 2;
      if (this.eat('[')) {
        index = this.sum();
        if (!this.eat(']')) throw new ParseFailure('missing ]');
      }
      const radicand = this.eat('(') ? this.closeWith(')').value : this.group();
      return plain(index === 2 ? Math.sqrt(radicand) : radicand ** (1 / index));
    }
    if (this.eat('\\pi') || /^pi(?![a-zA-Z])/.test(rest)) {
      if (rest.startsWith('pi')) this.i += 2;
      return plain(Math.PI);
    }
    throw new ParseFailure(`unexpected ${rest.slice(0, 8) || 'end'}`);
  }

  private closeWith(close: string): Factor {
    const v = this.sum();
    if (!this.eat(close)) throw new ParseFailure(`missing ${close}`);
    return plain(v);
  }
}

function plain(value: number): Factor {
  return { value, literal: false, integer: false, simpleFraction: false };
}

/**
 * Evaluates an arithmetic expression in plain or LaTeX notation (after `cleanLatex`): numbers
 * (`1.5e3`), `+ - * / ^`, parentheses and braces, `\frac`, `\sqrt`, `\sqrt[n]`, `\pi`, implicit
 * multiplication and mixed numbers. Returns `undefined` for anything else (variables, text) or a
 * non-finite result. Never uses `eval`.
 *
 * @example
 * ```ts
 * evaluateExpression('\\frac{3}{4}');    // 0.75
 * evaluateExpression('2^{10} - 3*(4+1)'); // 1009
 * evaluateExpression('x + 1');           // undefined
 * ```
 */
export function evaluateExpression(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  try {
    const v = new ExpressionParser(text).parse();
    return Number.isFinite(v) ? v : undefined;
  } catch (error) {
    if (error instanceof ParseFailure) return undefined;
    throw error;
  }
}
