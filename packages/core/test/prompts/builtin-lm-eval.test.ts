import { describe, expect, it } from 'vitest';
import { getBuiltinTemplate } from '../../src/prompts/builtin/index.js';
import { renderSample } from '../../src/prompts/prompt-template.js';
import { TemplateError } from '../../src/prompts/template-error.js';
import { describeWithShared } from '../support/shared.js';
import { clickSample, makeSample, mmluDevSample } from './fixtures.js';

// Expected prompts below were generated once with python3 + jinja2 3.1.6 from the real task YAMLs in
// ../shared/data/lm_eval_tasks (MMLU `_default_template_yaml`, KMMLU `_default_kmmlu_yaml` and
// `_direct_kmmlu_yaml`, rendered with lm-eval's StrictUndefined / keep_trailing_newline environment), and,
// for CLIcK, with the f-strings of lm-eval's click_cul/click_lang utils.py `get_context`; then pasted here.

const MMLU = [
  'mmlu/dev/anatomy_dev.csv',
  'mmlu/dev/college_mathematics_dev.csv',
  'mmlu/dev/abstract_algebra_dev.csv',
];

describeWithShared(
  'mmlu template: byte-identical to lm-evaluation-harness',
  MMLU.map((f) => `data/benchmarks/${f}`),
  () => {
    const mmlu = getBuiltinTemplate('mmlu');

    it('renders anatomy dev row 0 with the subject description, continuations and letter target', () => {
      const r = renderSample(mmluDevSample('anatomy_dev.csv', 0), mmlu);
      expect(r.description).toBe(
        'The following are multiple choice questions (with answers) about anatomy.\n\n',
      );
      expect(r.text).toBe(
        'What is the embryological origin of the hyoid bone?\nA. The first pharyngeal arch\nB. The first and second pharyngeal arches\nC. The second pharyngeal arch\nD. The second and third pharyngeal arches\nAnswer:',
      );
      expect(r.prompt).toBe(r.description + r.text);
      expect(r.labels).toEqual(['A', 'B', 'C', 'D']);
      expect(r.choices).toEqual([' A', ' B', ' C', ' D']);
      expect(r.target).toBe('D');
      expect(r.targetIndex).toBe(3);
    });

    it('keeps inner CRLF line breaks of multi-line questions (the CSV has them) and punctuation-heavy options', () => {
      expect(renderSample(mmluDevSample('college_mathematics_dev.csv', 2), mmlu).text).toBe(
        'Let A be a real 2x2 matrix. Which of the following statements must be true?\r\nI. All of the entries of A^2 are nonnegative.\r\nII. The determinant of A^2 is nonnegative.\r\nIII. If A has two distinct eigenvalues, then A^2 has two distinct eigenvalues.\nA. I only\nB. II only\nC. III only\nD. II and III only\nAnswer:',
      );
      const algebra = renderSample(mmluDevSample('abstract_algebra_dev.csv', 1), mmlu);
      expect(algebra.prompt).toBe(
        'The following are multiple choice questions (with answers) about abstract algebra.\n\nStatement 1 | If aH is an element of a factor group, then |aH| divides |a|. Statement 2 | If H and K are subgroups of G then HK is a subgroup of G.\nA. True, True\nB. False, False\nC. True, False\nD. False, True\nAnswer:',
      );
      expect(algebra.target).toBe('B');
    });
  },
);

describe('mmlu template: edge cases', () => {
  const mmlu = getBuiltinTemplate('mmlu');
  it('has no description without a subject, and strips the question like Python', () => {
    const r = renderSample(
      makeSample({ question: '\u3000 Q?\n', choices: ['1', '2', '3', '4'], answerIndex: 0 }),
      mmlu,
    );
    expect(r.prompt).toBe('Q?\nA. 1\nB. 2\nC. 3\nD. 4\nAnswer:');
  });
  it('needs exactly four choices and names the sample', () => {
    const run = () => renderSample(makeSample({ id: 'q7', choices: ['1', '2', '3'], answerIndex: 0 }), mmlu);
    expect(run).toThrow(TemplateError);
    expect(run).toThrow(/needs exactly 4 choices but the sample has 3 \(template mmlu, sample "q7"\)/);
  });
});

describe('kmmlu template: byte-identical to lm-evaluation-harness', () => {
  // An invented row in KMMLU's layout: question, A–D, answer 1-based (2 → B).
  const row = {
    question: '  다음 중 대한민국의 수도는?\n',
    A: '부산',
    B: '서울',
    C: '대구',
    D: '인천',
    answer: 2,
  };
  const kmmlu = getBuiltinTemplate('kmmlu');

  it('renders the question stripped and the FULL-WIDTH colon 정답：, target = answer - 1', () => {
    const sample = makeSample({
      question: row.question,
      choices: [row.A, row.B, row.C, row.D],
      answerIndex: row.answer - 1,
      language: 'ko',
    });
    const r = renderSample(sample, kmmlu);
    expect(r.prompt).toBe('다음 중 대한민국의 수도는?\nA. 부산\nB. 서울\nC. 대구\nD. 인천\n정답：');
    expect(r.prompt.endsWith('\uff1a')).toBe(true);
    // default task: doc_to_target "{{answer-1}}" → 1 → choice ' B'; direct task: "{{['A','B','C','D'][answer-1]}}" → 'B'
    expect(r.targetIndex).toBe(1);
    expect(r.choices[r.targetIndex!]).toBe(' B');
    expect(r.target).toBe('B');
  });

  it('converts a raw 1-based metadata.extra.answer when answerIndex is absent', () => {
    const sample = makeSample({
      question: row.question,
      choices: [row.A, row.B, row.C, row.D],
      extra: { answer: 4 },
    });
    expect(renderSample(sample, kmmlu).target).toBe('D');
  });
});

describeWithShared(
  'click template: byte-identical to lm-evaluation-harness click utils.get_context',
  [
    'data/benchmarks/click/Dataset/Language/Textual/Textual_TOPIK.json',
    'data/benchmarks/click/Dataset/Culture/Korean Economy/Economy_KIIP.json',
    'data/benchmarks/click/Dataset/Culture/Korean Geography/Geography_CSAT.json',
  ],
  () => {
    const click = getBuiltinTemplate('click');

    it('renders a row with a paragraph (맥락 variant)', () => {
      const r = renderSample(clickSample('Language/Textual/Textual_TOPIK.json', 'TK_2017_8'), click);
      expect(r.prompt).toBe(
        '주어진 맥락을 천천히 읽고, 질문에 대한 적절한 정답을 A, B, C, D 중에 골라 알파벳 하나로 답하시오.\n\n맥락: “오후 한시까지 구매하면 그날 가져다 드립니다. 주문이 많을 때는 늦을 수 있습니다. - 행복마트”\n질문: 다음은 무엇에 대한 글인지 고르십시오.\n보기:\nA:사용 설명, B: 배달 안내, C: 이용 순서, D: 교환 방법\n정답:',
      );
      expect(r.choices).toEqual([' A', ' B', ' C', ' D']);
      expect(r.target).toBe('B');
    });

    it('renders a row without a paragraph (질문 variant)', () => {
      const r = renderSample(
        clickSample('Culture/Korean Economy/Economy_KIIP.json', 'KIIP_economy_1'),
        click,
      );
      expect(r.prompt).toBe(
        '주어진 질문을 천천히 읽고, 적절한 정답을 A, B, C, D 중에 골라 알파벳 하나로 답하시오.\n\n질문: 다음은 한국 사회의 경제에 대한 문제이다.\n한국이 외환위기를 완전히 극복한 년도는 언제인가?\n보기:\nA:1999년, B: 2000년, C: 2001년, D: 2002년\n정답:',
      );
      expect(r.target).toBe('C');
    });

    it('scores 5-option CSAT rows over A–E while showing only A–D, as the original does', () => {
      const r = renderSample(
        clickSample('Culture/Korean Geography/Geography_CSAT.json', 'CSAT_geography_06_2'),
        click,
      );
      expect(r.prompt).toBe(
        '주어진 질문을 천천히 읽고, 적절한 정답을 A, B, C, D 중에 골라 알파벳 하나로 답하시오.\n\n질문: 다음은 한국의 지리에 대한 문제이다.\n(가), (나) 섬의 공통점으로 옳은 것을 보기 에서 모두 고른 것은?\n- (가)는 동경 130도 48’~52’에 위치한 섬으로 신생대 제 3기 에서 제 4기에 걸쳐 화산활동으로 형성되었다. 천혜의 자연풍 광을 간직하고 있으며 강수가 연중 고른 분포를 보인다.\n- (나) 는 현무암질과 조면암질 용암이 여러 차례 분출하여 형성된 섬으로 해발고도에 따라 식생 경관이 다양하다 최근 행정구역을 개편하면서 특별자치도로 출범했다 \n<보기>\nㄱ. 주변 해역에 조경 수역이 형성된다.\nㄴ. 직선 기선이 영해 설정의 기준이 된다.\nㄷ. 독특한 형태의 전통 가옥을 볼 수 있다.\nㄹ. 해안 저지대에는 난대성 식물이 분포한다.\n보기:\nA:ㄱㄴ, B: ㄱㄷ, C: ㄴㄷ, D: ㄴㄹ\n정답:',
      );
      expect(r.choices).toEqual([' A', ' B', ' C', ' D', ' E']);
      expect(r.target).toBe('E');
    });
  },
);
