import type {
  FilterArgument,
  FilterCall,
  PathSegment,
  TemplateExpression,
  TemplateNode,
} from './template-ast.js';
import { TemplateError, type TemplatePosition } from './template-error.js';

interface RawTag {
  kind: 'tag';
  content: string;
  /** Offset of the first character of `content` in the source. */
  contentOffset: number;
  /** Offset of `{{`. */
  offset: number;
  trimBefore: boolean;
  trimAfter: boolean;
}
type RawPiece = { kind: 'text'; value: string } | RawTag;

/** Maps source offsets to 1-based line and column. */
class PositionMap {
  private readonly lineStarts: number[] = [0];
  constructor(source: string) {
    for (let i = 0; i < source.length; i++) if (source[i] === '\n') this.lineStarts.push(i + 1);
  }
  at(offset: number): TemplatePosition {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low]! + 1 };
  }
}

/** Splits the source into text and `{{ ... }}` tags, honouring `\{{` escapes and `{{-`/`-}}` trims. */
function scan(source: string, positions: PositionMap): RawPiece[] {
  const pieces: RawPiece[] = [];
  let text = '';
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('{{', i);
    if (open === -1) {
      text += source.slice(i);
      break;
    }
    if (open > 0 && source[open - 1] === '\\') {
      text += `${source.slice(i, open - 1)}{{`;
      i = open + 2;
      continue;
    }
    text += source.slice(i, open);
    const close = source.indexOf('}}', open + 2);
    if (close === -1) {
      throw new TemplateError('unclosed tag: "{{" has no matching "}}"', { position: positions.at(open) });
    }
    let start = open + 2;
    let end = close;
    const trimBefore = source[start] === '-';
    if (trimBefore) start++;
    const trimAfter = end > start && source[end - 1] === '-';
    if (trimAfter) end--;
    if (text) pieces.push({ kind: 'text', value: text });
    text = '';
    pieces.push({
      kind: 'tag',
      content: source.slice(start, end),
      contentOffset: start,
      offset: open,
      trimBefore,
      trimAfter,
    });
    i = close + 2;
  }
  if (text) pieces.push({ kind: 'text', value: text });
  for (let p = 0; p < pieces.length; p++) {
    const piece = pieces[p]!;
    if (piece.kind !== 'tag') continue;
    const before = pieces[p - 1];
    const after = pieces[p + 1];
    if (piece.trimBefore && before?.kind === 'text') before.value = before.value.replace(/\s+$/u, '');
    if (piece.trimAfter && after?.kind === 'text') after.value = after.value.replace(/^\s+/u, '');
  }
  return pieces.filter((piece) => piece.kind === 'tag' || piece.value !== '');
}

const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/y;
const INTEGER = /-?\d+/y;

/** Parses `path (| filter(args))*` starting at `offset` of the source. */
function parseExpression(text: string, offset: number, positions: PositionMap): TemplateExpression {
  let i = 0;
  const fail = (message: string, at = i): never => {
    throw new TemplateError(message, { position: positions.at(offset + at) });
  };
  const skipSpace = () => {
    while (i < text.length && /\s/u.test(text[i]!)) i++;
  };
  const identifier = (what: string): string => {
    IDENTIFIER.lastIndex = i;
    const match = IDENTIFIER.exec(text);
    if (!match)
      fail(`expected ${what} but found ${text[i] === undefined ? 'the end of the tag' : `"${text[i]}"`}`);
    i += match![0].length;
    return match![0];
  };
  const integer = (): number => {
    INTEGER.lastIndex = i;
    const match = INTEGER.exec(text);
    if (!match) return fail('expected an integer index');
    i += match[0].length;
    return Number(match[0]);
  };
  const stringLiteral = (): string => {
    const quote = text[i];
    const start = i;
    i++;
    let value = '';
    while (i < text.length && text[i] !== quote) {
      if (text[i] === '\\') {
        const next = text[i + 1];
        const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'" };
        const replacement = next === undefined ? undefined : escapes[next];
        if (replacement === undefined) fail(`unknown escape "\\${next ?? ''}" in string`);
        value += replacement;
        i += 2;
      } else {
        value += text[i];
        i++;
      }
    }
    if (i >= text.length) fail('unterminated string literal', start);
    i++;
    return value;
  };

  skipSpace();
  const pathStart = i;
  const path: PathSegment[] = [identifier('a field name')];
  for (;;) {
    if (text[i] === '.') {
      i++;
      path.push(identifier('a field name after "."'));
    } else if (text[i] === '[') {
      i++;
      skipSpace();
      const index = integer();
      if (index < 0) fail('list indexes start at 0', i - 1);
      skipSpace();
      if (text[i] !== ']') fail('expected "]"');
      i++;
      path.push(index);
    } else break;
  }
  const pathText = text.slice(pathStart, i);
  const filters: FilterCall[] = [];
  skipSpace();
  while (text[i] === '|') {
    i++;
    skipSpace();
    const position = positions.at(offset + i);
    const name = identifier('a filter name after "|"');
    const args: FilterArgument[] = [];
    skipSpace();
    if (text[i] === '(') {
      i++;
      skipSpace();
      while (text[i] !== ')') {
        if (text[i] === '"' || text[i] === "'") args.push(stringLiteral());
        else args.push(integer());
        skipSpace();
        if (text[i] === ',') {
          i++;
          skipSpace();
        } else if (text[i] !== ')') fail('expected "," or ")" in filter arguments');
      }
      i++;
      skipSpace();
    }
    filters.push({ name, args, position });
  }
  if (i < text.length) fail(`unexpected "${text[i]}" in expression`);
  return { text: pathText, path, filters, position: positions.at(offset + pathStart) };
}

interface OpenBlock {
  node: Extract<TemplateNode, { kind: 'each' | 'if' }>;
  keyword: string;
  inElse: boolean;
}

/**
 * Parses template source into nodes. See {@link compileTemplate} for the grammar.
 * Throws {@link TemplateError} with the line and column of any syntax error.
 */
export function parseTemplate(source: string): TemplateNode[] {
  const positions = new PositionMap(source);
  const root: TemplateNode[] = [];
  const stack: OpenBlock[] = [];
  const target = (): TemplateNode[] => {
    const top = stack[stack.length - 1];
    if (!top) return root;
    return top.inElse ? top.node.otherwise : top.node.body;
  };
  for (const piece of scan(source, positions)) {
    if (piece.kind === 'text') {
      target().push({ kind: 'text', value: piece.value });
      continue;
    }
    const position = positions.at(piece.offset);
    const leading = piece.content.length - piece.content.trimStart().length;
    const content = piece.content.trim();
    const contentOffset = piece.contentOffset + leading;
    if (content === '') throw new TemplateError('empty tag "{{}}"', { position });
    if (content.startsWith('!')) continue;
    if (content.startsWith('#')) {
      const match = /^#(\w+)\s*/u.exec(content);
      const keyword = match?.[1] ?? '';
      if (keyword !== 'each' && keyword !== 'if' && keyword !== 'unless') {
        throw new TemplateError(`unknown block "#${keyword}": use #each, #if or #unless`, { position });
      }
      const rest = content.slice(match![0].length);
      if (rest === '')
        throw new TemplateError(`"#${keyword}" needs a field, e.g. {{#${keyword} choices}}`, { position });
      const expression = parseExpression(rest, contentOffset + match![0].length, positions);
      const node: OpenBlock['node'] =
        keyword === 'each'
          ? { kind: 'each', expression, body: [], otherwise: [], position }
          : { kind: 'if', negate: keyword === 'unless', expression, body: [], otherwise: [], position };
      target().push(node);
      stack.push({ node, keyword, inElse: false });
      continue;
    }
    if (content.startsWith('/')) {
      const keyword = content.slice(1).trim();
      const top = stack.pop();
      if (!top) throw new TemplateError(`"{{/${keyword}}}" closes no open block`, { position });
      if (top.keyword !== keyword) {
        throw new TemplateError(
          `"{{/${keyword}}}" does not match "{{#${top.keyword}}}" opened at line ${top.node.position.line}, column ${top.node.position.column}`,
          { position },
        );
      }
      continue;
    }
    if (content === 'else') {
      const top = stack[stack.length - 1];
      if (!top) throw new TemplateError('"{{else}}" outside #if, #unless or #each', { position });
      if (top.inElse) throw new TemplateError(`second "{{else}}" in one #${top.keyword} block`, { position });
      top.inElse = true;
      continue;
    }
    target().push({
      kind: 'output',
      expression: parseExpression(content, contentOffset, positions),
      position,
    });
  }
  const open = stack[stack.length - 1];
  if (open) {
    throw new TemplateError(`"{{#${open.keyword}}}" is never closed: add {{/${open.keyword}}}`, {
      position: open.node.position,
    });
  }
  return root;
}
