import { describe, expect, it } from 'vitest';
import { BUILTIN_PROMPT_TEMPLATES, getBuiltinTemplate } from '../../src/prompts/builtin/index.js';
import { renderSample } from '../../src/prompts/prompt-template.js';
import { BUILTIN_TEMPLATES } from '../../src/prompts/spec.js';
import { describeWithShared } from '../support/shared.js';
import { haeraeSample, makeSample } from './fixtures.js';

describe('built-in registry', () => {
  it('has one template per name in BUILTIN_TEMPLATES, each named after its key', () => {
    expect(Object.keys(BUILTIN_PROMPT_TEMPLATES).sort()).toEqual([...BUILTIN_TEMPLATES].sort());
    for (const name of BUILTIN_TEMPLATES) expect(getBuiltinTemplate(name).name).toBe(name);
  });
});

describeWithShared(
  'haerae template (HAE-RAE Bench 1.0 CSV)',
  [
    'data/benchmarks/haerae/haerae_bench_1.0_general_knowledge.csv',
    'data/benchmarks/haerae/haerae_bench_1.0_reading_comprehension.csv',
  ],
  () => {
    const haerae = getBuiltinTemplate('haerae');

    it('renders a 5-option general-knowledge row with (A)–(E) labels', () => {
      const r = renderSample(haeraeSample('haerae_bench_1.0_general_knowledge.csv', 0), haerae);
      expect(r.prompt).toBe(
        '다음은 무엇에 대한 이야기입니까? ### 참고:한국에서는 명절에 조상의 산소를 찾아가 인사를 드리고 산소를 살핀다.\n### 선택지:\n(A) 추석\n(B) 제사\n(C) 성묘\n(D) 백일\n(E) 장례\n### 정답:',
      );
      expect(r.choices).toEqual([' (A)', ' (B)', ' (C)', ' (D)', ' (E)']);
      expect(r.target).toBe('(B)');
    });

    it('drops the empty fifth option of a reading-comprehension row', () => {
      const r = renderSample(haeraeSample('haerae_bench_1.0_reading_comprehension.csv', 0), haerae);
      expect(r.prompt).toBe(
        '<빈칸>에 들어갈 가장 알맞은 것을 고르십시오.  ### 참고: 외국에 나가려면 <빈칸>이 반드시 있어야 해요.\n### 선택지:\n(A) 도장\n(B) 명함\n(C) 여권\n(D) 통장\n### 정답:',
      );
      expect(r.labels).toEqual(['(A)', '(B)', '(C)', '(D)']);
      expect(r.target).toBe('(C)');
    });
  },
);

describe('mcqa template', () => {
  const mcqa = getBuiltinTemplate('mcqa');

  it('uses a Korean instruction for Korean samples, with the passage when there is one', () => {
    const sample = makeSample({
      language: 'Korean',
      question: ' 철수는 어디에 갔나요? ',
      context: '철수는 어제 시장에 갔다.\n',
      choices: ['학교', '시장', '병원'],
      answerIndex: 1,
    });
    const r = renderSample(sample, mcqa);
    expect(r.prompt).toBe(
      '다음 질문을 읽고 보기 중에서 알맞은 답을 골라 알파벳 하나로 답하시오.\n\n지문: 철수는 어제 시장에 갔다.\n질문: 철수는 어디에 갔나요?\nA. 학교\nB. 시장\nC. 병원\n정답:',
    );
    expect(r.choices).toEqual([' A', ' B', ' C']);
    expect(r.target).toBe('B');
  });

  it('uses an English instruction otherwise and supports 2 to 10 options', () => {
    const two = renderSample(
      makeSample({ question: 'Is water wet?', choices: ['Yes', 'No'], answerIndex: 0 }),
      mcqa,
    );
    expect(two.prompt).toBe(
      'Read the question and answer with the letter of the correct option.\n\nQuestion: Is water wet?\nA. Yes\nB. No\nAnswer:',
    );
    const ten = renderSample(
      makeSample({ choices: Array.from({ length: 10 }, (_, i) => String(i)), answerIndex: 9 }),
      mcqa,
    );
    expect(ten.prompt).toContain('\nJ. 9\nAnswer:');
    expect(ten.target).toBe('J');
    expect(ten.choices).toHaveLength(10);
  });

  it('rejects 1 or 11 options and finds the gold index from the answer text', () => {
    expect(() => renderSample(makeSample({ choices: ['only'] }), mcqa)).toThrow(
      /needs 2 to 10 choices but the sample has 1/,
    );
    expect(() => renderSample(makeSample({ choices: Array.from({ length: 11 }, String) }), mcqa)).toThrow(
      /has 11/,
    );
    const byText = renderSample(makeSample({ choices: ['3', '4'], answer: '4' }), mcqa);
    expect(byText.target).toBe('B');
    const unlabeled = renderSample(makeSample({ choices: ['3', '4'] }), mcqa);
    expect(unlabeled.target).toBeUndefined();
    expect(unlabeled.targetIndex).toBeUndefined();
  });
});

describe('open template', () => {
  const open = getBuiltinTemplate('open');
  it('renders a question without options, in Korean or English, with the answer as target', () => {
    const ko = renderSample(makeSample({ language: 'ko', question: '한국의 수도는?', answer: '서울' }), open);
    expect(ko.prompt).toBe('질문: 한국의 수도는?\n답변:');
    expect(ko.choices).toEqual([]);
    expect(ko.target).toBe('서울');
    const en = renderSample(
      makeSample({ question: 'Who wrote it?', context: 'Hamlet is a play. ', references: ['Shakespeare'] }),
      open,
    );
    expect(en.prompt).toBe('Passage: Hamlet is a play.\n\nQuestion: Who wrote it?\nAnswer:');
    expect(en.target).toBe('Shakespeare');
  });
});
