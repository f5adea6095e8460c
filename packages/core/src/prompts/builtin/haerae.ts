import type { Sample } from '../../domain/sample.js';
import { pythonStrip } from '../../text/python-text.js';
import type { PromptTemplate } from '../prompt-template.js';
import { TemplateError } from '../template-error.js';
import { goldChoiceIndex } from './choice-helpers.js';

const LABELS = ['(A)', '(B)', '(C)', '(D)', '(E)'] as const;

/** The options, without trailing empty ones (the 1.0 CSV leaves column `e` empty for 4-option rows). */
function haeraeOptions(sample: Sample): string[] {
  const options = [...(sample.choices ?? [])];
  while (options.length > 0 && pythonStrip(options[options.length - 1]!) === '') options.pop();
  if (options.length < 2 || options.length > 5) {
    throw new TemplateError(
      `template "haerae" needs 2 to 5 non-empty choices but the sample has ${options.length}`,
      {
        template: 'haerae',
        sampleId: sample.id,
        field: 'choices',
      },
    );
  }
  return options;
}

/**
 * HAE-RAE Bench 1.0 as distributed in CSV (`question, a, b, c, d, e, answer`, the question carrying
 * its passage after `### 참고:`). lm-evaluation-harness's `haerae` tasks read a different layout (the
 * Hub dataset's pre-rendered `query`), so this is BenchHub's own format, sharing lm-eval's option labels
 * `(A)`–`(E)`:
 *
 * `{question.strip()}\n### 선택지:\n(A) {a}\n(B) {b}\n…\n### 정답:`
 *
 * Trailing empty options are dropped (reading-comprehension rows have four). Continuations are
 * `' (A)'`…; the target is the gold label, e.g. `(C)`.
 */
export const haeraeTemplate: PromptTemplate = {
  name: 'haerae',
  targetDelimiter: ' ',
  fewshotDelimiter: '\n\n',
  description: () => '',
  docToText(sample: Sample): string {
    const lines = haeraeOptions(sample).map((option, i) => `${LABELS[i]} ${option}`);
    return `${pythonStrip(sample.question)}\n### 선택지:\n${lines.join('\n')}\n### 정답:`;
  },
  docToChoice: (sample: Sample) => LABELS.slice(0, haeraeOptions(sample).length),
  docToTarget: (sample: Sample) => goldChoiceIndex(sample),
};
