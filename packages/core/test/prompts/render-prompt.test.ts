import { describe, expect, it } from 'vitest';
import { uniformRandom } from '../../src/datasets/sampling/prng.js';
import type { Sample } from '../../src/domain/sample.js';
import { BenchHubError } from '../../src/errors/benchhub-error.js';
import { renderSample } from '../../src/prompts/prompt-template.js';
import {
  createPromptRenderer,
  renderPrompt,
  resolvePromptTemplate,
} from '../../src/prompts/render-prompt.js';
import { TemplateError } from '../../src/prompts/template-error.js';
import { templateFromSource } from '../../src/prompts/user-template.js';
import { makeSample } from './fixtures.js';

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const pool: Sample[] = Array.from({ length: 8 }, (_, i) =>
  makeSample({ id: `dev-${i}`, question: `D${i}`, choices: ['p', 'q'], answerIndex: i % 2 }),
);
const query = makeSample({ id: 'test-1', question: 'Q', choices: ['p', 'q'], answerIndex: 1 });

describe('templateFromSource (user templates)', () => {
  it('renders with the mcqa scoring convention: letter labels and gold letter', () => {
    const t = templateFromSource(
      'Q: {{ question | trim }}\n{{#each choices}}({{letter}}) {{text}}\n{{/each}}A:',
      {
        name: 'mine',
        description: 'Subject: {{ extra.subject | replace("_", " ") }}\n\n',
      },
    );
    const r = renderSample(
      makeSample({
        question: ' Sky? ',
        choices: ['blue', 'green'],
        answerIndex: 0,
        extra: { subject: 'earth_science' },
      }),
      t,
    );
    expect(r.prompt).toBe('Subject: earth science\n\nQ: Sky?\n(A) blue\n(B) green\nA:');
    expect(r.choices).toEqual([' A', ' B']);
    expect(r.target).toBe('A');
    expect(r.template).toBe('mine');
  });

  it('treats a sample without choices as open-ended and names the sample on a render error', () => {
    const t = templateFromSource('{{ question }} {{ context }}');
    const open = makeSample({ id: 'o1', question: 'Why?', context: 'Because.', answer: 'ok' });
    expect(renderSample(open, t)).toMatchObject({ prompt: 'Why? Because.', choices: [], target: 'ok' });
    const run = () => renderSample(makeSample({ id: 'o2' }), t);
    expect(run).toThrow(TemplateError);
    expect(run).toThrow(/field "context" has no value.*template custom, line 1, column 19, sample "o2"/);
  });
});

describe('resolvePromptTemplate', () => {
  it('finds built-ins, extra templates and user templates, and rejects other text', () => {
    expect(resolvePromptTemplate('kmmlu').name).toBe('kmmlu');
    const extra = templateFromSource('{{question}}', { name: 'x' });
    expect(resolvePromptTemplate('house', { house: extra })).toBe(extra);
    expect(resolvePromptTemplate('{{ question }}?').docToText(query)).toBe('Q?');
    expect(() => resolvePromptTemplate('mmlu_cot')).toThrow(BenchHubError);
    expect(() => resolvePromptTemplate('mmlu_cot')).toThrow(
      /unknown prompt template "mmlu_cot": use a built-in \(mcqa, kmmlu/,
    );
    expect(() => resolvePromptTemplate('{{ questoin }}')).toThrow(/unknown field "questoin"/);
  });
});

describe('renderPrompt / createPromptRenderer', () => {
  it('renders chat messages by default, with the system message', () => {
    const out = renderPrompt(query, { system: 'Answer with one letter.' });
    expect(out.style).toBe('chat');
    expect(out.rendered.template).toBe('mcqa');
    expect(out.messages).toEqual([
      { role: 'system', content: 'Answer with one letter.' },
      {
        role: 'user',
        content:
          'Read the question and answer with the letter of the correct option.\n\nQuestion: Q\nA. p\nB. q\nAnswer:',
      },
    ]);
    expect(out.prompt).toBe(`Answer with one letter.\n\n${out.rendered.prompt}`);
  });

  it('renders a completion prompt with the first k few-shot examples', () => {
    const out = renderPrompt(
      query,
      { template: 'mcqa', style: 'completion', fewShot: { k: 2, dataset: 'dev' } },
      { fewShotPool: pool },
    );
    expect(out.messages).toBeUndefined();
    expect(out.rendered.examples.map((e) => e.sampleId)).toEqual(['dev-0', 'dev-1']);
    expect(out.prompt.split('\n\n').length).toBe(1 + 2 * 2 + 1);
    expect(out.prompt).toContain('Question: D0\nA. p\nB. q\nAnswer: A\n\n');
  });

  it('draws seeded examples per sample, independent of rendering order', () => {
    const spec = { template: 'mcqa', fewShot: { k: 3, dataset: 'dev', seed: 42 } } as const;
    const others = [query, makeSample({ id: 'test-2', question: 'R', choices: ['p', 'q'], answerIndex: 0 })];
    const forward = createPromptRenderer(spec, { fewShotPool: pool, createRandom: lcg });
    const a = others.map((s) => forward(s).rendered.examples.map((e) => e.sampleId));
    const backward = createPromptRenderer(spec, { fewShotPool: pool, createRandom: lcg });
    const b = [...others]
      .reverse()
      .map((s) => backward(s).rendered.examples.map((e) => e.sampleId))
      .reverse();
    expect(b).toEqual(a);
    const otherSeed = createPromptRenderer(
      { ...spec, fewShot: { ...spec.fewShot, seed: 43 } },
      { fewShotPool: pool, createRandom: lcg },
    );
    const seeds = [44, 45, 46, 47].map((seed) =>
      createPromptRenderer(
        { ...spec, fewShot: { ...spec.fewShot, seed } },
        { fewShotPool: pool, createRandom: lcg },
      )(query)
        .rendered.examples.map((e) => e.sampleId)
        .join(),
    );
    expect(
      new Set([
        a[0]!.join(),
        otherSeed(query)
          .rendered.examples.map((e) => e.sampleId)
          .join(),
        ...seeds,
      ]).size,
    ).toBeGreaterThan(1);
  });

  it('fails clearly without a few-shot pool, and draws seeded examples with mulberry32 by default', () => {
    expect(() => createPromptRenderer({ fewShot: { k: 2, dataset: 'dev' } })).toThrow(
      /no fewShotPool was given/,
    );
    const spec = { fewShot: { k: 2, dataset: 'dev', seed: 1 } };
    const ids = (options: Parameters<typeof createPromptRenderer>[1]) =>
      createPromptRenderer(spec, options)(query).rendered.examples.map((e) => e.sampleId);
    expect(ids({ fewShotPool: pool })).toEqual(ids({ fewShotPool: pool, createRandom: uniformRandom }));
    expect(ids({ fewShotPool: pool })).toHaveLength(2);
  });

  it('uses one-message few-shot when asked', () => {
    const out = renderPrompt(
      query,
      { fewShot: { k: 1, dataset: 'dev' } },
      { fewShotPool: pool, fewShotAs: 'single' },
    );
    expect(out.messages).toHaveLength(1);
    expect(out.messages![0]!.content).toBe(out.rendered.prompt);
  });
});
