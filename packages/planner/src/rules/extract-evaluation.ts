import type { EvaluationMethod } from '@benchhub/core';
import type { RequestText } from './request-text.js';

/** The scoring a request asks for. */
export interface EvaluationReading {
  /** The method asked for, when the request names one. */
  method: EvaluationMethod | undefined;
  /** Metric names asked for (built-in names), in the order written. */
  metrics: string[];
}

const METHODS: readonly [RegExp, EvaluationMethod][] = [
  [
    /LLM[\s-]*(?:as[\s-]*an?[\s-]*)?(?:judge|grader)|LLM\s*(?:심판|채점|평가자)|(?<![A-Za-z])judge(?:d|s)?(?![A-Za-z])|(?<![A-Za-z])rubric|심판|루브릭/i,
    'llm_judge',
  ],
  [/log[\s-]?likelihood|log[\s-]?probs?|로그\s*우도/i, 'log_likelihood'],
  [/math[\s_-]?match|numeric(?:al)?\s+equivalence|수식\s*일치/i, 'math_match'],
  [/partial[\s_-]?match|부분\s*일치/i, 'partial_match'],
  [/choice\s+extraction|선택지\s*추출/i, 'choice'],
  [/exact[\s_-]?match|string[\s_-]?match|정확히\s*일치|완전\s*일치/i, 'string_match'],
];

const METRICS: readonly [RegExp, string | ((m: RegExpExecArray) => string)][] = [
  [/pass@(\d+)/i, (m) => `pass@${Number(m[1])}`],
  [/(?<![A-Za-z])accuracy|정확도|정답률/i, 'accuracy'],
  [/(?<![A-Za-z])chrf\+\+/i, 'chrf++'],
  [/(?<![A-Za-z])chrf(?![A-Za-z+])/i, 'chrf'],
  [/(?<![A-Za-z])bleu(?![A-Za-z])/i, 'bleu'],
  [/(?<![A-Za-z])rouge[\s-]?1(?![\d])/i, 'rouge1'],
  [/(?<![A-Za-z])rouge[\s-]?2(?![\d])/i, 'rouge2'],
  [/(?<![A-Za-z])rouge(?:[\s-]?l)?(?![A-Za-z\d])/i, 'rougeL'],
  [/(?<![A-Za-z])f1(?:[\s-]?score)?(?![A-Za-z\d])|F1\s*점수/i, 'f1_macro'],
  [/(?<![A-Za-z])precision(?![A-Za-z])|정밀도/i, 'precision_macro'],
  [/(?<![A-Za-z])recall(?![A-Za-z])|재현율/i, 'recall_macro'],
  [/semantic\s+similarity|의미\s*유사도/i, 'semantic_similarity'],
];

/**
 * Reads the scoring method (`LLM judge`/`LLM 심판` → `llm_judge`, `log-likelihood`, `exact match`, ...)
 * and metrics (`accuracy`/`정확도`, `F1`, `BLEU`, `chrF`, `ROUGE-L`, `pass@k`, ...) and masks them.
 */
export function extractEvaluation(text: RequestText): EvaluationReading {
  let method: EvaluationMethod | undefined;
  for (const [pattern, name] of METHODS) {
    if (text.take(pattern).length > 0) method ??= name;
  }
  const metrics: string[] = [];
  for (const [pattern, name] of METRICS) {
    for (const m of text.take(pattern)) {
      const exec = new RegExp(pattern.source, pattern.flags).exec(m.text);
      const metric = typeof name === 'string' ? name : exec === null ? undefined : name(exec);
      if (metric !== undefined && !metrics.includes(metric)) metrics.push(metric);
    }
  }
  return { method, metrics };
}
