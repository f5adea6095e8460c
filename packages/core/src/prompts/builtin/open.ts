import type { Sample } from '../../domain/sample.js';
import { pythonStrip } from '../../text/python-text.js';
import type { PromptTemplate } from '../prompt-template.js';
import { isKorean } from './choice-helpers.js';

/**
 * BenchHub's open-ended template (generation, no options), Korean or English by the sample's language:
 * `지문: {context}\n\n질문: {question}\n답변:` (the passage part only when there is a context);
 * English `Passage: …\n\nQuestion: …\nAnswer:`. There are no continuations (`choices` is `[]`); the target
 * is `answer`, else the first of `references`.
 */
export const openTemplate: PromptTemplate = {
  name: 'open',
  targetDelimiter: ' ',
  fewshotDelimiter: '\n\n',
  description: () => '',
  docToText(sample: Sample): string {
    const ko = isKorean(sample);
    const context = sample.context === undefined ? '' : pythonStrip(sample.context);
    const passage = context === '' ? '' : `${ko ? '지문' : 'Passage'}: ${context}\n\n`;
    return `${passage}${ko ? '질문' : 'Question'}: ${pythonStrip(sample.question)}\n${ko ? '답변' : 'Answer'}:`;
  },
  docToChoice: () => [],
  docToTarget: (sample: Sample) => sample.answer ?? sample.references?.[0],
};
