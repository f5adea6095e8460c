import type { ScoreScale } from './verdict.js';

/** The language of judge prompts. */
export type JudgeLanguage = 'ko' | 'en';

/** What a judge prompt is built from. */
export interface JudgePromptInput {
  /** `rubric`, `rubric_reference` or `pairwise`. */
  mode: 'rubric' | 'rubric_reference' | 'pairwise';
  /** Prompt language. */
  language: JudgeLanguage;
  /** The question (with its passage and options, when it has them). */
  question: string;
  /** The response under evaluation (rubric modes), or response A (pairwise). */
  response: string;
  /** Response B (pairwise). */
  responseB?: string;
  /** The reference answer (`rubric_reference`). */
  reference?: string;
  /** What to grade, e.g. `correctness`, `completeness`. */
  criteria: readonly string[];
  /** The score range (rubric modes). */
  scale: ScoreScale;
}

const DEFAULT_CRITERIA: Readonly<Record<JudgeLanguage, readonly string[]>> = {
  en: ['correctness', 'helpfulness', 'clarity'],
  ko: ['정확성', '유용성', '명확성'],
};

function block(title: string, body: string): string {
  return `[${title}]\n${body.trim()}\n`;
}

function rubricPrompt(input: JudgePromptInput): string {
  const ko = input.language === 'ko';
  const criteria = (input.criteria.length > 0 ? input.criteria : DEFAULT_CRITERIA[input.language])
    .map((c) => `- ${c}`)
    .join('\n');
  const { min, max } = input.scale;
  const parts = [
    ko
      ? '당신은 엄격하고 공정한 평가자입니다. 아래 질문에 대한 응답을 기준에 따라 평가하십시오.'
      : 'You are a strict and impartial evaluator. Grade the response to the question below against the criteria.',
    '',
    block(ko ? '질문' : 'Question', input.question),
  ];
  if (input.mode === 'rubric_reference' && input.reference !== undefined) {
    parts.push(
      block(ko ? '참고 정답' : 'Reference answer', input.reference),
      ko
        ? '참고 정답과 내용이 일치하는지를 가장 중요하게 보십시오.\n'
        : 'Agreement with the reference answer matters most.\n',
    );
  }
  parts.push(block(ko ? '응답' : 'Response', input.response), block(ko ? '평가 기준' : 'Criteria', criteria));
  parts.push(
    ko
      ? `짧게 근거를 쓴 뒤, 마지막 줄에 정확히 다음 형식으로만 점수를 쓰십시오 (N은 ${min}(최저)부터 ${max}(최고) 사이의 정수):\nScore: N`
      : `Write a short justification, then end with a final line exactly in this form, where N is an integer from ${min} (worst) to ${max} (best):\nScore: N`,
  );
  return parts.join('\n');
}

function pairwisePrompt(input: JudgePromptInput): string {
  const ko = input.language === 'ko';
  const criteria =
    input.criteria.length > 0
      ? `\n${block(ko ? '평가 기준' : 'Criteria', input.criteria.map((c) => `- ${c}`).join('\n'))}`
      : '';
  return [
    ko
      ? '당신은 엄격하고 공정한 평가자입니다. 아래 질문에 대한 두 응답 중 더 나은 것을 고르십시오. 응답의 순서나 길이에 영향을 받지 마십시오.'
      : 'You are a strict and impartial evaluator. Decide which of the two responses to the question below is better. Do not let the order or the length of the responses influence you.',
    '',
    block(ko ? '질문' : 'Question', input.question),
    block(ko ? '응답 A' : 'Response A', input.response),
    block(ko ? '응답 B' : 'Response B', input.responseB ?? ''),
    criteria,
    ko
      ? '짧게 비교한 뒤, 마지막 줄에 정확히 다음 중 하나만 쓰십시오:\nVerdict: A\nVerdict: B\nVerdict: tie'
      : 'Compare them briefly, then end with a final line that is exactly one of:\nVerdict: A\nVerdict: B\nVerdict: tie',
  ].join('\n');
}

/**
 * BenchHub's judge prompts, in Korean or English. Rubric prompts end by asking for a final line
 * `Score: N`; pairwise prompts for `Verdict: A`, `Verdict: B` or `Verdict: tie`. The verdict keywords
 * stay in English in both languages so that one strict parser reads them.
 *
 * @example
 * ```ts
 * defaultJudgePrompt({ mode: 'rubric', language: 'en', question: 'Capital of Korea?', response: 'Seoul',
 *   criteria: ['correctness'], scale: { min: 1, max: 10 } });
 * ```
 */
export function defaultJudgePrompt(input: JudgePromptInput): string {
  return input.mode === 'pairwise' ? pairwisePrompt(input) : rubricPrompt(input);
}
