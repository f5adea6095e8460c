import { describe, expect, it } from 'vitest';
import type { Sample } from '../../src/domain/sample.js';
import { getBuiltinTemplate } from '../../src/prompts/builtin/index.js';
import { toChatMessages, toCompletionPrompt } from '../../src/prompts/chat.js';
import { renderFewShot, selectFewShot } from '../../src/prompts/few-shot.js';
import { renderSample } from '../../src/prompts/prompt-template.js';
import { TemplateError } from '../../src/prompts/template-error.js';
import { describeWithShared } from '../support/shared.js';
import { makeSample, mmluDevSample } from './fixtures.js';

/** A tiny deterministic generator for tests (a linear congruential generator). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const pool: Sample[] = ['a', 'b', 'c', 'd', 'e'].map((id, i) =>
  makeSample({ id, question: `Q${id}`, choices: ['x', 'y'], answerIndex: i % 2 }),
);

describeWithShared(
  'renderFewShot: lm-eval few-shot context',
  ['data/benchmarks/mmlu/dev/anatomy_dev.csv'],
  () => {
    it('builds description + (text + " " + target + "\\n\\n") per example + query, byte for byte', () => {
      // Expected: generated with jinja2 from the MMLU YAML's doc_to_text for anatomy dev rows 0 and 1 (first_n)
      // and row 2 as the query, joined per lm-eval's ContextSampler (target_delimiter " ", fewshot_delimiter "\n\n").
      const examples = [0, 1, 2, 3, 4].map((i) => mmluDevSample('anatomy_dev.csv', i));
      const r = renderFewShot(examples, examples[2]!, getBuiltinTemplate('mmlu'), { k: 2 });
      expect(r.prompt).toBe(
        'The following are multiple choice questions (with answers) about anatomy.\n\nWhat is the embryological origin of the hyoid bone?\nA. The first pharyngeal arch\nB. The first and second pharyngeal arches\nC. The second pharyngeal arch\nD. The second and third pharyngeal arches\nAnswer: D\n\nWhich of these branches of the trigeminal nerve contain somatic motor processes?\nA. The supraorbital nerve\nB. The infraorbital nerve\nC. The mental nerve\nD. None of the above\nAnswer: D\n\nThe pleura\nA. have no sensory innervation.\nB. are separated by a 2 mm space.\nC. extend into the neck.\nD. are composed of respiratory epithelium.\nAnswer:',
      );
      expect(r.examples.map((e) => e.sampleId)).toEqual(['anatomy-dev-0', 'anatomy-dev-1']);
    });
  },
);

describe('selectFewShot', () => {
  it('takes the first k in pool order, excluding the target itself', () => {
    expect(selectFewShot(pool, pool[0]!, { k: 2 }).map((s) => s.id)).toEqual(['b', 'c']);
    expect(selectFewShot(pool, makeSample({ id: 'c' }), { k: 3 }).map((s) => s.id)).toEqual(['a', 'b', 'd']);
  });

  it('draws a seeded sample without replacement: same seed, same examples; other seed, other order', () => {
    const target = makeSample({ id: 'z' });
    const first = selectFewShot(pool, target, { k: 3, random: lcg(7) }).map((s) => s.id);
    const again = selectFewShot(pool, target, { k: 3, random: lcg(7) }).map((s) => s.id);
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(3);
    const draws = new Set(
      [1, 2, 3, 4, 5, 6, 7, 8].map((seed) =>
        selectFewShot(pool, target, { k: 3, random: lcg(seed) })
          .map((s) => s.id)
          .join(''),
      ),
    );
    expect(draws.size).toBeGreaterThan(1);
    expect(selectFewShot(pool, pool[1]!, { k: 4, random: lcg(3) }).map((s) => s.id)).not.toContain('b');
  });

  it('fails when the pool is too small, and when an example has no gold answer', () => {
    expect(() => selectFewShot(pool, pool[0]!, { k: 5 })).toThrow(
      /needs 5 examples but the pool has only 4 besides sample "a"/,
    );
    const unlabeled = [makeSample({ id: 'u', choices: ['x', 'y'] })];
    const run = () => renderFewShot(unlabeled, pool[0]!, getBuiltinTemplate('mcqa'), { k: 1 });
    expect(run).toThrow(TemplateError);
    expect(run).toThrow(/needs a gold answer.*sample "u"/);
  });
});

describe('toChatMessages', () => {
  const kmmlu = getBuiltinTemplate('kmmlu');
  const ko = (id: string, answerIndex: number) =>
    makeSample({ id, language: 'ko', question: `${id}?`, choices: ['1', '2', '3', '4'], answerIndex });

  it('turns few-shot examples into alternating user/assistant turns after the system message', () => {
    const r = renderFewShot([ko('e1', 0), ko('e2', 3)], ko('q', 1), kmmlu);
    expect(toChatMessages(r, { system: '알파벳 하나로 답하시오.' })).toEqual([
      { role: 'system', content: '알파벳 하나로 답하시오.' },
      { role: 'user', content: 'e1?\nA. 1\nB. 2\nC. 3\nD. 4\n정답：' },
      { role: 'assistant', content: 'A' },
      { role: 'user', content: 'e2?\nA. 1\nB. 2\nC. 3\nD. 4\n정답：' },
      { role: 'assistant', content: 'D' },
      { role: 'user', content: 'q?\nA. 1\nB. 2\nC. 3\nD. 4\n정답：' },
    ]);
  });

  it('puts everything in one user message with fewShotAs "single", and the description in the system message', () => {
    const mmlu = getBuiltinTemplate('mmlu');
    const example = makeSample({
      id: 'e',
      question: 'E?',
      choices: ['1', '2', '3', '4'],
      answerIndex: 2,
      extra: { subject: 'world_religions' },
    });
    const query = makeSample({
      id: 'q',
      question: 'Q?',
      choices: ['1', '2', '3', '4'],
      extra: { subject: 'world_religions' },
    });
    const r = renderFewShot([example], query, mmlu);
    const description =
      'The following are multiple choice questions (with answers) about world religions.\n\n';
    expect(toChatMessages(r, { fewShotAs: 'single', system: 'Be brief.' })).toEqual([
      { role: 'system', content: `Be brief.\n\n${description}` },
      {
        role: 'user',
        content: 'E?\nA. 1\nB. 2\nC. 3\nD. 4\nAnswer: C\n\nQ?\nA. 1\nB. 2\nC. 3\nD. 4\nAnswer:',
      },
    ]);
    expect(toChatMessages(renderSample(ko('q', 0), kmmlu))).toEqual([
      { role: 'user', content: 'q?\nA. 1\nB. 2\nC. 3\nD. 4\n정답：' },
    ]);
    expect(toCompletionPrompt(r, 'Be brief.')).toBe(`Be brief.\n\n${r.prompt}`);
    expect(toCompletionPrompt(r)).toBe(r.prompt);
  });
});
