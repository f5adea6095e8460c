import type { Sample } from '../../domain/sample.js';
import type { PromptTemplate } from '../prompt-template.js';
import { goldChoiceIndex, requireChoices } from './choice-helpers.js';

const FOUR = ['A', 'B', 'C', 'D'] as const;
const FIVE = ['A', 'B', 'C', 'D', 'E'] as const;

/**
 * CLIcK as lm-evaluation-harness's `click_cul_*` and `click_lang_*` tasks render it
 * (`click/click_cul/utils.py` and `click/click_lang/utils.py`, `get_context`), byte for byte:
 * - with a paragraph (`context` non-empty):
 *   `주어진 맥락을 천천히 읽고, 질문에 대한 적절한 정답을 A, B, C, D 중에 골라 알파벳 하나로 답하시오.\n\n맥락: {paragraph}\n질문: {question}\n보기:\nA:{o0}, B: {o1}, C: {o2}, D: {o3}\n정답:`
 * - without: `주어진 질문을 천천히 읽고, 적절한 정답을 A, B, C, D 중에 골라 알파벳 하나로 답하시오.\n\n질문: {question}\n보기:\nA:{o0}, B: {o1}, C: {o2}, D: {o3}\n정답:`
 * Note the original's quirks, kept on purpose: no space after `A:`, options on one line, nothing
 * stripped, and only options A–D are shown even for 5-option CSAT questions.
 * - `get_choices`: `A`–`E` for CSAT questions, else `A`–`D`. lm-eval tests `"CSAT" in id`; in the CLIcK
 *   data exactly the CSAT questions have five options, so this uses the number of choices.
 * - `get_target`: the letter of `answer` among the choices (`answerIndex`).
 */
export const clickTemplate: PromptTemplate = {
  name: 'click',
  targetDelimiter: ' ',
  fewshotDelimiter: '\n\n',
  description: () => '',
  docToText(sample: Sample): string {
    const [a, b, c, d] = requireChoices(sample, 'click', 4, 5);
    const options = `보기:\nA:${a}, B: ${b}, C: ${c}, D: ${d}\n정답:`;
    const paragraph = sample.context;
    if (paragraph !== undefined && paragraph !== '') {
      return `주어진 맥락을 천천히 읽고, 질문에 대한 적절한 정답을 A, B, C, D 중에 골라 알파벳 하나로 답하시오.\n\n맥락: ${paragraph}\n질문: ${sample.question}\n${options}`;
    }
    return `주어진 질문을 천천히 읽고, 적절한 정답을 A, B, C, D 중에 골라 알파벳 하나로 답하시오.\n\n질문: ${sample.question}\n${options}`;
  },
  docToChoice: (sample: Sample) => (sample.choices?.length === 5 ? FIVE : FOUR),
  docToTarget: (sample: Sample) => goldChoiceIndex(sample),
};
