import { describe, expect, it } from 'vitest';
import { ProviderCallError } from '../../src/errors/index.js';
import {
  combineSwappedVerdicts,
  createLlmJudgeScorer,
  defaultJudgePrompt,
  JudgeVerdictError,
  parsePairwiseVerdict,
  parseScoreVerdict,
  ScoringError,
} from '../../src/scoring/index.js';
import { createMockProvider } from '../../src/testing/mock-provider.js';
import { sample } from './helpers.js';

const question = sample({ id: 'q-1', question: 'What is the capital of Korea?', answer: 'Seoul' });
const korean = sample({
  id: 'q-ko',
  question: '대한민국의 수도는?',
  answer: '서울',
  metadata: { language: 'Korean', subjectType: ['HASS/Geography'] },
});

function promptOf(call: { request: { prompt: unknown } } | undefined): string {
  return String(call?.request.prompt);
}

describe('verdict parsing is strict', () => {
  const scale = { min: 1, max: 10 };

  it.each([
    ['Good answer.\nScore: 8', 8],
    ['**Score: 7**', 7],
    ['reasoning\n\nScore：10\n\n', 10],
    ['Score: [[3]]', 3],
    ['score: 9/10', 9],
  ])('reads %j', (reply, expected) => {
    expect(parseScoreVerdict(reply, scale)).toBe(expected);
  });

  it.each([
    'Score: 8\nThanks!',
    'I give it an 8.',
    'Score: 7.5',
    'Score: 11',
    'Score: 0',
    '',
    'Score: eight',
  ])('refuses %j', (reply) => {
    expect(() => parseScoreVerdict(reply, scale, 's-9')).toThrow(JudgeVerdictError);
  });

  it('says what was expected and keeps the reply', () => {
    try {
      parseScoreVerdict('no verdict here', scale, 's-9');
      expect.unreachable();
    } catch (error) {
      expect(JudgeVerdictError.isInstance(error)).toBe(true);
      expect(ScoringError.isInstance(error)).toBe(true);
      if (!JudgeVerdictError.isInstance(error)) return;
      expect(error.message).toMatch(/Score: N.*1 to 10.*no verdict here/);
      expect(error.sampleId).toBe('s-9');
      expect(error.verdictText).toBe('no verdict here');
      expect(error.isRetryable).toBe(true);
    }
  });

  it('reads pairwise verdicts', () => {
    expect(parsePairwiseVerdict('B is better.\n**Verdict: B**')).toBe('B');
    expect(parsePairwiseVerdict('Verdict: [[A]]')).toBe('A');
    expect(parsePairwiseVerdict('Verdict: TIE')).toBe('tie');
    expect(() => parsePairwiseVerdict('Verdict: C')).toThrow(JudgeVerdictError);
    expect(() => parsePairwiseVerdict('A is better')).toThrow(JudgeVerdictError);
  });
});

describe('rubric judging', () => {
  it('asks the judge once and scores its verdict', async () => {
    const judge = createMockProvider({ responses: ['Correct and concise.\nScore: 9'] });
    const scorer = createLlmJudgeScorer({ judge, criteria: ['correctness'] });
    const r = await scorer.score(question, 'Seoul.');
    expect(r).toMatchObject({ correct: true, score: 9, extracted: '9' });
    expect(r.metrics).toEqual({ judge_score: 9, judge_normalized: 8 / 9 });
    expect(judge.calls).toHaveLength(1);
    expect(judge.calls[0]?.request.temperature).toBe(0);
    const prompt = promptOf(judge.calls[0]);
    expect(prompt).toContain('What is the capital of Korea?');
    expect(prompt).toContain('Seoul.');
    expect(prompt).toContain('- correctness');
    expect(prompt).toMatch(/Score: N$/);
    expect(prompt).not.toContain('Reference answer');
  });

  it('uses the pass mark and a custom scale', async () => {
    const judge = createMockProvider({ responses: ['Score: 3', 'Score: 2'] });
    const scorer = createLlmJudgeScorer({ judge, scale: { min: 1, max: 5 } });
    await expect(scorer.score(question, 'x')).resolves.toMatchObject({ correct: true, score: 3 });
    await expect(scorer.score(question, 'y')).resolves.toMatchObject({ correct: false, score: 2 });
  });

  it('puts the reference in the prompt for rubric_reference, in Korean for Korean samples', async () => {
    const judge = createMockProvider({ responses: ['일치합니다.\nScore: 10'] });
    const scorer = createLlmJudgeScorer({ judge, mode: 'rubric_reference' });
    await expect(scorer.score(korean, '서울입니다')).resolves.toMatchObject({ score: 10 });
    const prompt = promptOf(judge.calls[0]);
    expect(prompt).toContain('[참고 정답]\n서울');
    expect(prompt).toContain('평가 기준');
    expect(prompt).toContain('Score: N');
  });

  it('makes an unparseable verdict an error, not a score', async () => {
    const judge = createMockProvider({ responses: ['I think it is quite good, maybe 8 out of 10.'] });
    await expect(createLlmJudgeScorer({ judge }).score(question, 'Seoul')).rejects.toThrow(JudgeVerdictError);
  });

  it('lets a failed judge call reject with its ProviderCallError', async () => {
    const judge = createMockProvider({
      failWith: new ProviderCallError('overloaded', { provider: 'mock', model: 'judge', statusCode: 529 }),
    });
    await expect(createLlmJudgeScorer({ judge }).score(question, 'Seoul')).rejects.toBeInstanceOf(
      ProviderCallError,
    );
  });

  it('needs a judge and, for rubric_reference, a reference', async () => {
    await expect(createLlmJudgeScorer().score(question, 'x')).rejects.toThrow(/needs a judge model.*q-1/);
    const judge = createMockProvider({ responses: 'Score: 5' });
    await expect(
      createLlmJudgeScorer({ judge, mode: 'rubric_reference' }).score(sample({ id: 'noref' }), 'x'),
    ).rejects.toThrow(/reference answer.*noref/);
  });

  it('takes the judge from the context and accepts a custom prompt', async () => {
    const judge = createMockProvider({ responses: 'Score: 4' });
    const scorer = createLlmJudgeScorer({ buildPrompt: (input) => `Grade: ${input.response}` });
    await expect(scorer.score(question, 'Seoul', { judge })).resolves.toMatchObject({ score: 4 });
    expect(promptOf(judge.calls[0])).toBe('Grade: Seoul');
  });
});

describe('pairwise judging with swapped positions', () => {
  const opponent = { output: 'Busan', modelId: 'other/model' };

  it('counts a win only when both orders prefer the candidate', async () => {
    const judge = createMockProvider({ responses: ['Verdict: A', 'Verdict: B'] });
    const scorer = createLlmJudgeScorer({ judge, mode: 'pairwise' });
    const r = await scorer.score(question, 'Seoul', { opponent });
    expect(r).toMatchObject({ correct: true, score: 1, extracted: 'win' });
    expect(r.details).toMatchObject({ verdicts: ['A', 'B'], consistent: true, opponent: 'other/model' });
    // First call shows the candidate as A, the second as B.
    const [first, second] = judge.calls.map(promptOf);
    expect(first).toMatch(/\[Response A\]\nSeoul[\s\S]*\[Response B\]\nBusan/);
    expect(second).toMatch(/\[Response A\]\nBusan[\s\S]*\[Response B\]\nSeoul/);
  });

  it('turns a position-biased judge into a tie', async () => {
    const judge = createMockProvider({ responses: ['Verdict: A', 'Verdict: A'] });
    const r = await createLlmJudgeScorer({ judge, mode: 'pairwise' }).score(question, 'Seoul', { opponent });
    expect(r).toMatchObject({ correct: false, score: 0.5, extracted: 'tie' });
    expect(r.details).toMatchObject({ consistent: false });
  });

  it('counts a consistent loss', async () => {
    const judge = createMockProvider({ responses: ['Verdict: B', 'Verdict: A'] });
    const r = await createLlmJudgeScorer({ judge, mode: 'pairwise' }).score(question, 'Seoul', { opponent });
    expect(r).toMatchObject({ correct: false, score: 0, extracted: 'loss' });
  });

  it('combines every verdict pair as documented', () => {
    const table = [
      ['A', 'B', 'win'],
      ['B', 'A', 'loss'],
      ['A', 'A', 'tie'],
      ['B', 'B', 'tie'],
      ['tie', 'tie', 'tie'],
      ['A', 'tie', 'tie'],
      ['tie', 'A', 'tie'],
    ] as const;
    for (const [first, second, result] of table) {
      expect(combineSwappedVerdicts(first, second).result).toBe(result);
    }
    expect(combineSwappedVerdicts('tie', 'tie').consistent).toBe(true);
    expect(combineSwappedVerdicts('A', 'tie').consistent).toBe(false);
  });

  it('needs an opponent', async () => {
    const judge = createMockProvider({ responses: 'Verdict: A' });
    await expect(createLlmJudgeScorer({ judge, mode: 'pairwise' }).score(question, 'x')).rejects.toThrow(
      /context\.opponent/,
    );
    expect(judge.calls).toHaveLength(0);
  });

  it('fails on an unparseable second verdict', async () => {
    const judge = createMockProvider({ responses: ['Verdict: A', 'Both fine'] });
    await expect(
      createLlmJudgeScorer({ judge, mode: 'pairwise' }).score(question, 'x', { opponent }),
    ).rejects.toThrow(JudgeVerdictError);
  });

  it('writes Korean pairwise prompts for Korean samples', () => {
    const prompt = defaultJudgePrompt({
      mode: 'pairwise',
      language: 'ko',
      question: '수도는?',
      response: '서울',
      responseB: '부산',
      criteria: [],
      scale: { min: 1, max: 10 },
    });
    expect(prompt).toContain('[응답 A]\n서울');
    expect(prompt).toMatch(/Verdict: tie$/);
  });
});
