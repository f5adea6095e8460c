import { describe, expect, it } from 'vitest';
import { BenchHubError } from '../../src/errors/benchhub-error.js';
import { compileTemplate, isTemplateTruthy } from '../../src/prompts/compile-template.js';
import { sampleTemplateScope } from '../../src/prompts/sample-scope.js';
import { TemplateError } from '../../src/prompts/template-error.js';
import { makeSample } from './fixtures.js';

function caught(run: () => unknown): TemplateError {
  try {
    run();
  } catch (error) {
    if (TemplateError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a TemplateError');
}

describe('compileTemplate: printing and paths', () => {
  it('prints fields, nested paths and list indexes, copying text byte for byte', () => {
    const t = compileTemplate('Q: {{ question }}|{{extra.subject}}|{{ choices[1] }}  \n', { fields: null });
    expect(t.render({ question: 'x', extra: { subject: 'anatomy' }, choices: ['a', 'b'] })).toBe(
      'Q: x|anatomy|b  \n',
    );
  });

  it('prints numbers and booleans, and refuses to print lists or objects', () => {
    const t = compileTemplate('{{ answerIndex }} {{ n }}', { fields: ['answerIndex', 'n'] });
    expect(t.render({ answerIndex: 0, n: true })).toBe('0 true');
    const list = caught(() => compileTemplate('{{ choices }}').render({ choices: ['a'] }));
    expect(list.message).toMatch(/"choices" is a list and cannot be printed/);
    expect(list.position).toEqual({ line: 1, column: 4 });
  });

  it('reports the fields a template reads, in first-use order', () => {
    const t = compileTemplate(
      '{{#if context}}{{context}}{{/if}}{{question}}{{#each choices}}{{letter}}{{/each}}',
    );
    expect(t.fields).toEqual(['context', 'question', 'choices']);
  });

  it('renders many samples with one compiled template', () => {
    const t = compileTemplate('{{ id }}:{{ question | trim }}');
    const out = ['a', 'b', 'c'].map((id) =>
      t.render(sampleTemplateScope(makeSample({ id, question: ` ${id}? ` }))),
    );
    expect(out).toEqual(['a:a?', 'b:b?', 'c:c?']);
  });
});

describe('compileTemplate: loops and conditionals', () => {
  const scope = (overrides: Parameters<typeof makeSample>[0]) => sampleTemplateScope(makeSample(overrides));

  it('loops over choices with letter, number, index, first and last', () => {
    const t = compileTemplate(
      '{{#each choices}}{{letter}}. {{text}}{{#unless last}}\n{{/unless}}{{/each}}|{{#each choices}}{{number}}{{index}}{{#if first}}*{{/if}}{{/each}}',
    );
    expect(t.render(scope({ choices: ['cat', 'dog', 'eel'] }))).toBe('A. cat\nB. dog\nC. eel|10*2132');
  });

  it('uses {{else}} of #each for an empty or missing list', () => {
    const t = compileTemplate('{{#each choices}}{{this}}{{else}}(none){{/each}}');
    expect(t.render(scope({ choices: [] }))).toBe('(none)');
    expect(t.render(scope({}))).toBe('(none)');
  });

  it('branches on #if/#else: blank text, missing fields and empty lists are false, 0 is true', () => {
    const t = compileTemplate(
      '{{#if context}}Passage: {{context}}\n{{else}}-{{/if}}{{#if answerIndex}}[{{answerIndex}}]{{/if}}',
    );
    expect(t.render(scope({ context: 'P', answerIndex: 0 }))).toBe('Passage: P\n[0]');
    expect(t.render(scope({ context: '  \n' }))).toBe('-');
    expect(t.render(scope({}))).toBe('-');
    expect(isTemplateTruthy([])).toBe(false);
    expect(isTemplateTruthy(0)).toBe(true);
  });

  it('reads outer fields inside a loop and nests loops', () => {
    const t = compileTemplate('{{#each choices}}{{question}}-{{text}};{{/each}}', {
      fields: ['question', 'choices'],
    });
    expect(t.render({ question: 'q', choices: ['a', 'b'] })).toBe('q-a;q-b;');
    const nested = compileTemplate('{{#each rows}}[{{#each this}}{{letter}}{{text}}{{/each}}]{{/each}}', {
      fields: ['rows'],
    });
    expect(nested.render({ rows: [['x', 'y'], ['z']] })).toBe('[AxBy][Az]');
  });

  it('trims whitespace with {{- and -}}, skips comments, and prints \\{{ literally', () => {
    const t = compileTemplate(
      'Options:\n  {{- ! a comment -}}\n  {{#each choices -}}\n  ({{letter}}) {{text}}\n{{/each}}\\{{x}}',
    );
    expect(t.render(scope({ choices: ['a', 'b'] }))).toBe('Options:(A) a\n(B) b\n{{x}}');
  });
});

describe('compileTemplate: filters', () => {
  it('trim strips whitespace as Python str.strip() does (keeps U+FEFF, strips U+3000 and U+0085)', () => {
    const t = compileTemplate('[{{ question | trim }}]');
    expect(t.render({ question: '\u3000\u0085 질문\t\n' })).toBe('[질문]');
    expect(t.render({ question: '\ufeffx ' })).toBe('[\ufeffx]');
  });

  it('chains filters with literal arguments', () => {
    const t = compileTemplate(
      '{{ extra.subject | replace("_", " ") | upper }}|{{ choices | join(" / ") }}|{{ answerIndex | letter }}|{{ answerIndex | add(1) }}|{{ choices | length }}|{{ context | default(\'none\') }}|{{ question | lower }}',
    );
    const out = t.render(
      sampleTemplateScope(
        makeSample({
          question: 'ABC',
          choices: ['x', 'y'],
          answerIndex: 1,
          extra: { subject: 'high_school_math' },
        }),
      ),
    );
    expect(out).toBe('HIGH SCHOOL MATH|x / y|B|2|2|none|abc');
  });

  it('rejects unknown filters, wrong argument counts and wrong value types with positions', () => {
    const unknown = caught(() => compileTemplate('{{ question | trimm }}'));
    expect(unknown.message).toMatch(/unknown filter "trimm".*Did you mean "trim"\?/);
    expect(unknown.position).toEqual({ line: 1, column: 15 });
    expect(caught(() => compileTemplate('{{ question | replace("a") }}')).message).toMatch(
      /takes 2 arguments but got 1/,
    );
    const type = caught(() => compileTemplate('{{ choices | upper }}').render({ choices: ['a'] }));
    expect(type.message).toMatch(/filter "upper" expects text but got a list for field "choices"/);
  });
});

describe('compileTemplate: errors name the field and the position', () => {
  it('rejects an unknown top-level field at compile time, with line, column and a suggestion', () => {
    const error = caught(() => compileTemplate('Question:\n  {{ questoin }}', { name: 'mine' }));
    expect(error.field).toBe('questoin');
    expect(error.position).toEqual({ line: 2, column: 6 });
    expect(error.message).toContain('unknown field "questoin"');
    expect(error.message).toContain('Did you mean "question"?');
    expect(error.message).toContain('template mine, line 2, column 6');
    expect(BenchHubError.isInstance(error)).toBe(true);
    expect(error).toBeInstanceOf(TemplateError);
  });

  it('rejects loop variables outside a loop', () => {
    expect(caught(() => compileTemplate('{{ letter }}')).message).toMatch(
      /"letter" is only defined inside \{\{#each\}\}/,
    );
  });

  it('reports a missing value at render time with its path and position', () => {
    const t = compileTemplate('x\n{{ extra.subject }}');
    const error = caught(() => t.render(sampleTemplateScope(makeSample({}))));
    expect(error.field).toBe('extra.subject');
    expect(error.position).toEqual({ line: 2, column: 4 });
    expect(error.message).toMatch(/field "extra.subject" has no value: guard it with \{\{#if extra\}\}/);
  });

  it('reports syntax errors: unclosed tags and blocks, mismatched closes, stray else, bad blocks', () => {
    expect(caught(() => compileTemplate('a {{ question')).message).toMatch(/unclosed tag.*line 1, column 3/);
    expect(caught(() => compileTemplate('{{#each choices}}x')).message).toMatch(
      /"\{\{#each\}\}" is never closed/,
    );
    expect(caught(() => compileTemplate('{{#if context}}x{{/each}}')).message).toMatch(
      /does not match "\{\{#if\}\}"/,
    );
    expect(caught(() => compileTemplate('{{/if}}')).message).toMatch(/closes no open block/);
    expect(caught(() => compileTemplate('{{else}}')).message).toMatch(/outside #if/);
    expect(caught(() => compileTemplate('{{#with x}}{{/with}}')).message).toMatch(/unknown block "#with"/);
    expect(caught(() => compileTemplate('{{ question() }}')).message).toMatch(
      /unexpected "\(" in expression/,
    );
    expect(caught(() => compileTemplate('{{ choices[x] }}')).message).toMatch(/expected an integer index/);
    expect(caught(() => compileTemplate('{{ q | replace("a, "b") }}', { fields: null })).message).toMatch(
      /expected "," or "\)"|unterminated string/,
    );
  });

  it('cannot reach prototype properties or run code', () => {
    const t = compileTemplate(
      '{{ extra.constructor | default("safe") }}{{ question.length | default("!") }}',
    );
    expect(t.render(sampleTemplateScope(makeSample({ question: 'abc' })))).toBe('safe!');
  });
});
