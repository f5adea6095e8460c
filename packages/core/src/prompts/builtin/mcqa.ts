import type { Sample } from '../../domain/sample.js';
import { pythonStrip } from '../../text/python-text.js';
import { optionLetters } from '../option-letters.js';
import type { PromptTemplate } from '../prompt-template.js';
import { goldChoiceIndex, isKorean, requireChoices } from './choice-helpers.js';

/** Fewest and most options the `mcqa` template accepts (letters A–J). */
export const MCQA_CHOICE_RANGE = [2, 10] as const;

/**
 * BenchHub's general multiple-choice template, for any benchmark with 2–10 options, with a Korean
 * instruction for Korean samples (`metadata.language` `ko`/`ko-KR`) and an English one otherwise:
 *
 * ```text
 * 다음 질문을 읽고 보기 중에서 알맞은 답을 골라 알파벳 하나로 답하시오.
 *
 * 지문: {context}          ← only when the sample has a context
 * 질문: {question}
 * A. {choice 0}
 * B. {choice 1}
 * 정답:
 * ```
 * English: `Read the question and answer with the letter of the correct option.`, `Passage:`,
 * `Question:`, `Answer:`. Question and context are stripped; options are printed as given.
 * Continuations `' A'`, `' B'`, …; the target is the gold letter.
 */
export const mcqaTemplate: PromptTemplate = {
  name: 'mcqa',
  targetDelimiter: ' ',
  fewshotDelimiter: '\n\n',
  description: () => '',
  docToText(sample: Sample): string {
    const choices = requireChoices(sample, 'mcqa', MCQA_CHOICE_RANGE[0], MCQA_CHOICE_RANGE[1]);
    const ko = isKorean(sample);
    const letters = optionLetters(choices.length);
    const instruction = ko
      ? '다음 질문을 읽고 보기 중에서 알맞은 답을 골라 알파벳 하나로 답하시오.'
      : 'Read the question and answer with the letter of the correct option.';
    const context = sample.context === undefined ? '' : pythonStrip(sample.context);
    const lines = [instruction, ''];
    if (context !== '') lines.push(`${ko ? '지문' : 'Passage'}: ${context}`);
    lines.push(`${ko ? '질문' : 'Question'}: ${pythonStrip(sample.question)}`);
    choices.forEach((choice, i) => {
      lines.push(`${letters[i]}. ${choice}`);
    });
    lines.push(ko ? '정답:' : 'Answer:');
    return lines.join('\n');
  },
  docToChoice: (sample: Sample) =>
    optionLetters(requireChoices(sample, 'mcqa', MCQA_CHOICE_RANGE[0], MCQA_CHOICE_RANGE[1]).length),
  docToTarget: (sample: Sample) => goldChoiceIndex(sample),
};
