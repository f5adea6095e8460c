import type { Sample } from '../../domain/sample.js';
import { pythonStrip } from '../../text/python-text.js';
import type { PromptTemplate } from '../prompt-template.js';
import { goldChoiceIndex, requireChoices } from './choice-helpers.js';

const LABELS = ['A', 'B', 'C', 'D'] as const;

/**
 * KMMLU as lm-evaluation-harness's `kmmlu` (default, log-likelihood) and `kmmlu_direct` (generation)
 * tasks render it, byte for byte, with no description:
 * - `doc_to_text`: `{{question.strip()}}\nA. {{A}}\nB. {{B}}\nC. {{C}}\nD. {{D}}\n정답：` — the final colon
 *   is the FULL-WIDTH `：` (U+FF1A), as in the original YAML.
 * - `doc_to_choice`: `['A','B','C','D']`; `doc_to_target`: `answer - 1`. KMMLU's `answer` column is
 *   1-based; a {@link Sample}'s `answerIndex` is already 0-based, so the target is `answerIndex`. When
 *   only the raw row's 1-based `metadata.extra.answer` is present, it is converted.
 * The sample's four choices are the row's `A`–`D` columns.
 */
export const kmmluTemplate: PromptTemplate = {
  name: 'kmmlu',
  targetDelimiter: ' ',
  fewshotDelimiter: '\n\n',
  description: () => '',
  docToText(sample: Sample): string {
    const [a, b, c, d] = requireChoices(sample, 'kmmlu', 4, 4);
    return `${pythonStrip(sample.question)}\nA. ${a}\nB. ${b}\nC. ${c}\nD. ${d}\n정답：`;
  },
  docToChoice: () => LABELS,
  docToTarget(sample: Sample): number | undefined {
    const index = goldChoiceIndex(sample);
    if (index !== undefined) return index;
    const raw = sample.metadata.extra?.answer;
    const oneBased =
      typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/u.test(raw) ? Number(raw) : NaN;
    return Number.isInteger(oneBased) && oneBased >= 1 ? oneBased - 1 : undefined;
  },
};
