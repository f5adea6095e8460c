import { BenchHubError } from '../../errors/benchhub-error.js';
import { PY_SPACE, PY_SPACE_CHARS, PY_WORD, PY_WORD_BOUNDARY, PY_WORD_CHARS } from './python-classes.js';

/** Flags of a Python pattern, as `re.compile(pattern, flags)` would take them. */
export interface PythonRegexFlags {
  /** `re.IGNORECASE`. */
  ignoreCase?: boolean;
  /** `re.DOTALL`: `.` matches a newline too. */
  dotAll?: boolean;
  /** `re.MULTILINE`: `^`/`$` match at every line. */
  multiline?: boolean;
}

const SYNTAX = new Set('^$\\.*+?()[]{}|/'.split(''));
const QUANTIFIER = /^\{(\d*)(?:(,)(\d*))?\}/;
const NOT_NEWLINE = '[^\\n]';
const ANY = '[\\s\\S]';
const START = '(?<![\\s\\S])';
const END = '(?![\\s\\S])';

function fail(pattern: string, message: string): never {
  throw new BenchHubError(`cannot use the Python regular expression ${JSON.stringify(pattern)}: ${message}`);
}

function readInlineFlags(pattern: string, flags: Required<PythonRegexFlags>): number {
  let at = 0;
  for (;;) {
    const m = /^\(\?([aiLmsux]+)\)/.exec(pattern.slice(at));
    if (!m) return at;
    for (const f of m[1]!) {
      if (f === 'i') flags.ignoreCase = true;
      else if (f === 's') flags.dotAll = true;
      else if (f === 'm') flags.multiline = true;
      else if (f === 'u' || f === 'a') {
        // `u` is the default for str patterns; `a` (ASCII) changes \w etc. - not supported.
        if (f === 'a') fail(pattern, 'the ASCII flag (?a) is not supported');
      } else fail(pattern, `the inline flag (?${f}) is not supported`);
    }
    at += m[0].length;
  }
}

function classEscape(pattern: string, e: string): string {
  switch (e) {
    case 'd':
      return '\\p{Nd}';
    case 'D':
      return '\\P{Nd}';
    case 'w':
      return PY_WORD_CHARS;
    case 's':
      return PY_SPACE_CHARS;
    case 'b':
      return '\\x08';
    case 'W':
    case 'S':
      return fail(pattern, `\\${e} inside a character class is not supported`);
    default:
      return '';
  }
}

function outsideEscape(e: string): string {
  switch (e) {
    case 'd':
      return '\\p{Nd}';
    case 'D':
      return '\\P{Nd}';
    case 'w':
      return PY_WORD;
    case 'W':
      return `[^${PY_WORD_CHARS}]`;
    case 's':
      return PY_SPACE;
    case 'S':
      return `[^${PY_SPACE_CHARS}]`;
    case 'b':
      return PY_WORD_BOUNDARY;
    case 'B':
      return `(?:(?<=${PY_WORD})(?=${PY_WORD})|(?<!${PY_WORD})(?!${PY_WORD}))`;
    case 'A':
      return START;
    case 'Z':
      return END;
    default:
      return '';
  }
}

/**
 * Translates a Python `re` pattern into an equivalent JavaScript one (Unicode mode), so patterns written
 * for lm-evaluation-harness or HRET behave here as there: `\w`, `\d`, `\s`, `\b` are Unicode-aware as in
 * Python; `.` excludes only `\n`; `$` also matches before a final newline; `(?P<name>…)`, `(?P=name)`,
 * `\A`, `\Z`, leading inline flags (`(?i)`, `(?s)`, `(?m)`), literal `{`, and Python's lenient escapes
 * (`\-`, `\,`, `\#`…) are accepted. Scoped flags `(?i:…)`, verbose mode, conditionals and `\N{…}` are
 * refused with a clear error. The result has the `g` flag, ready for `matchAll`.
 *
 * @example
 * ```ts
 * pythonRegex(String.raw`#### (\-?[0-9\.\,]+)`).exec('#### 1,234')?.[1]; // '1,234'
 * ```
 */
export function pythonRegex(pattern: string, options: PythonRegexFlags = {}): RegExp {
  const flags: Required<PythonRegexFlags> = {
    ignoreCase: options.ignoreCase ?? false,
    dotAll: options.dotAll ?? false,
    multiline: options.multiline ?? false,
  };
  let i = readInlineFlags(pattern, flags);
  let out = '';
  let inClass = false;
  let classStart = false;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '\\') {
      const e = pattern[i + 1];
      if (e === undefined) fail(pattern, 'it ends with a lone backslash');
      i += 2;
      classStart = false;
      if (/[A-Za-z]/.test(e)) {
        if ('ntrfv'.includes(e)) out += `\\${e}`;
        else if (e === 'a') out += '\\x07';
        else if (e === 'x' || e === 'u') {
          const len = e === 'x' ? 2 : 4;
          const hex = pattern.slice(i, i + len);
          if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) fail(pattern, `bad escape \\${e}${hex}`);
          out += `\\u{${hex}}`;
          i += len;
        } else if (e === 'U') {
          const hex = pattern.slice(i, i + 8);
          if (!/^[0-9a-fA-F]{8}$/.test(hex)) fail(pattern, `bad escape \\U${hex}`);
          out += `\\u{${hex.replace(/^0+(?=.)/, '')}}`;
          i += 8;
        } else {
          const translated = inClass ? classEscape(pattern, e) : outsideEscape(e);
          if (translated === '') fail(pattern, `bad or unsupported escape \\${e}`);
          out += translated;
        }
      } else if (/[0-9]/.test(e)) {
        if (e === '0' || inClass) {
          const oct = /^[0-7]{0,2}/.exec(pattern.slice(i))![0];
          out += `\\u{${Number.parseInt(e + oct, 8).toString(16)}}`;
          i += oct.length;
        } else {
          const more = /^[0-9]?/.exec(pattern.slice(i))![0];
          out += `\\${e}${more}`;
          i += more.length;
        }
      } else if (SYNTAX.has(e) || (e === '-' && inClass)) {
        out += `\\${e}`;
      } else {
        out += e;
      }
      continue;
    }
    if (inClass) {
      if (c === ']' && !classStart) {
        inClass = false;
        out += ']';
      } else if (c === '[' || c === ']') {
        out += `\\${c}`;
      } else {
        out += c;
      }
      classStart = false;
      i += 1;
      continue;
    }
    switch (c) {
      case '[': {
        inClass = true;
        classStart = true;
        out += '[';
        i += 1;
        if (pattern[i] === '^') {
          out += '^';
          i += 1;
        }
        continue;
      }
      case '(': {
        const rest = pattern.slice(i);
        if (rest.startsWith('(?P<')) {
          out += '(?<';
          i += 4;
        } else if (rest.startsWith('(?P=')) {
          const end = pattern.indexOf(')', i);
          if (end === -1) fail(pattern, 'unterminated (?P=name)');
          out += `\\k<${pattern.slice(i + 4, end)}>`;
          i = end + 1;
        } else if (rest.startsWith('(?#')) {
          const end = pattern.indexOf(')', i);
          if (end === -1) fail(pattern, 'unterminated comment');
          i = end + 1;
        } else if (/^\(\?(?:[:=!]|<[=!])/.test(rest) || !rest.startsWith('(?')) {
          out += '(';
          i += 1;
        } else {
          fail(pattern, `the group ${rest.slice(0, 4)}… is not supported`);
        }
        continue;
      }
      case '{': {
        const q = QUANTIFIER.exec(pattern.slice(i));
        if (q && (q[1] !== '' || q[2] !== undefined)) {
          out += `{${q[1] === '' ? '0' : q[1]}${q[2] ?? ''}${q[3] ?? ''}}`;
          i += q[0].length;
        } else {
          out += '\\{';
          i += 1;
        }
        continue;
      }
      case '}':
      case ']':
        out += `\\${c}`;
        i += 1;
        continue;
      case '.':
        out += flags.dotAll ? ANY : NOT_NEWLINE;
        i += 1;
        continue;
      case '^':
        out += flags.multiline ? `(?:${START}|(?<=\\n))` : START;
        i += 1;
        continue;
      case '$':
        out += flags.multiline ? `(?=\\n|${END})` : `(?=\\n?${END})`;
        i += 1;
        continue;
      default:
        out += c;
        i += 1;
    }
  }
  if (inClass) fail(pattern, 'a character class is not closed');
  try {
    return new RegExp(out, `gu${flags.ignoreCase ? 'i' : ''}`);
  } catch (error) {
    return fail(pattern, error instanceof Error ? error.message : String(error));
  }
}

/** One `re.findall` item: the whole match (no group), the group (one group), or all groups (several). */
export type FindAllItem = string | readonly string[];

/**
 * Python's `re.findall`: every non-overlapping match, as the whole match when the pattern has no group,
 * the group's text when it has one, and the tuple of groups (unmatched ones as `''`) otherwise.
 *
 * @example
 * ```ts
 * pythonFindAll(/(\d)-(\d)?/gu, '1-2 3-'); // [['1', '2'], ['3', '']]
 * ```
 */
export function pythonFindAll(regex: RegExp, text: string): FindAllItem[] {
  const global = regex.global ? regex : new RegExp(regex.source, `${regex.flags}g`);
  const items: FindAllItem[] = [];
  for (const m of text.matchAll(global)) {
    const groups = m.length - 1;
    if (groups === 0) items.push(m[0]);
    else if (groups === 1) items.push(m[1] ?? '');
    else items.push(m.slice(1).map((g) => g ?? ''));
  }
  return items;
}
