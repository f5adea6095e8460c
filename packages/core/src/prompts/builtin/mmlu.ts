import type { Sample } from '../../domain/sample.js';
import { pythonStrip } from '../../text/python-text.js';
import type { PromptTemplate } from '../prompt-template.js';
import { goldChoiceIndex, requireChoices } from './choice-helpers.js';

const LABELS = ['A', 'B', 'C', 'D'] as const;

/**
 * MMLU as lm-evaluation-harness's `mmlu` (default) tasks render it, byte for byte:
 * - description: `The following are multiple choice questions (with answers) about {subject}.\n\n`, the
 *   subject read from `metadata.extra.subject` (e.g. `high_school_biology`) with `_` replaced by spaces.
 *   Without a subject there is no description.
 * - `doc_to_text`: `{{question.strip()}}\nA. {{choices[0]}}\nB. …\nD. {{choices[3]}}\nAnswer:`
 * - `doc_to_choice`: `['A','B','C','D']` (continuations `' A'`…`' D'`), `doc_to_target`: the 0-based
 *   `answer`, i.e. `answerIndex`.
 * The sample must have exactly four choices.
 */
export const mmluTemplate: PromptTemplate = {
  name: 'mmlu',
  targetDelimiter: ' ',
  fewshotDelimiter: '\n\n',
  description(sample: Sample): string {
    const subject = sample.metadata.extra?.subject;
    if (typeof subject !== 'string' || subject === '') return '';
    return `The following are multiple choice questions (with answers) about ${subject.split('_').join(' ')}.\n\n`;
  },
  docToText(sample: Sample): string {
    const [a, b, c, d] = requireChoices(sample, 'mmlu', 4, 4);
    return `${pythonStrip(sample.question)}\nA. ${a}\nB. ${b}\nC. ${c}\nD. ${d}\nAnswer:`;
  },
  docToChoice: () => LABELS,
  docToTarget: (sample: Sample) => goldChoiceIndex(sample),
};
