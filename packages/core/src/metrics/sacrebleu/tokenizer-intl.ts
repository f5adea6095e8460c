import { pythonSplit } from '../../text/python-text.js';

// mteval-v14's international tokenization, in sacrebleu's order.
const PUNCT_AFTER_NON_NUMBER = /(\P{N})(\p{P})/gu;
const PUNCT_BEFORE_NON_NUMBER = /(\p{P})(\P{N})/gu;
const SYMBOL = /\p{S}/gu;

/**
 * The tokens of sacrebleu's `intl` tokenizer (mteval-v14.pl's international mode): Unicode
 * punctuation (`\p{P}`) is split off unless it sits between two numbers (`\p{N}`), and every symbol
 * (`\p{S}`) becomes its own token. As upstream, a punctuation mark that ends the line after a number
 * stays attached (`1990.`). Unicode categories come from the JavaScript engine's Unicode tables.
 */
export function tokensIntl(line: string): string[] {
  let text = line.replace(PUNCT_AFTER_NON_NUMBER, '$1 $2 ');
  text = text.replace(PUNCT_BEFORE_NON_NUMBER, ' $1 $2');
  text = text.replace(SYMBOL, ' $& ');
  return pythonSplit(text);
}
