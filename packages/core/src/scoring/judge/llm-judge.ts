import type { Sample } from '../../domain/sample.js';
import { isKorean } from '../../prompts/builtin/choice-helpers.js';
import { optionLetter } from '../../prompts/option-letters.js';
import type { ModelProviderV1 } from '../../spec/model-provider.js';
import { goldAnswerText } from '../gold.js';
import type { ScoreResult, Scorer, ScoringContext } from '../scorer.js';
import { ScoringError } from '../scoring-error.js';
import { defaultJudgePrompt, type JudgeLanguage, type JudgePromptInput } from './prompts.js';
import { type PairwiseVerdict, parsePairwiseVerdict, parseScoreVerdict, type ScoreScale } from './verdict.js';

/** Modes of the LLM judge (the plan's `judge.mode`). */
export type JudgeMode = 'rubric' | 'rubric_reference' | 'pairwise';

/** Options of the `llm_judge` scorer. */
export interface LlmJudgeOptions {
  /** The judge model; `context.judge` overrides it per call. */
  judge?: ModelProviderV1;
  /** Default `rubric`. */
  mode?: JudgeMode;
  /** What to grade (the plan's `judge.criteria`). */
  criteria?: readonly string[];
  /** Rubric score range, integers (default 1–10). */
  scale?: Partial<ScoreScale>;
  /** Lowest rubric score that counts as correct (default: the scale's midpoint, rounded up: 6 of 1–10). */
  passScore?: number;
  /** Prompt language; `auto` (default) follows the sample's language (Korean → Korean prompt). */
  language?: JudgeLanguage | 'auto';
  /** Most tokens the judge may write (default 1024). */
  maxTokens?: number;
  /** Builds the prompt instead of {@link defaultJudgePrompt}; the reply must still end with the verdict line. */
  buildPrompt?: (input: JudgePromptInput) => string;
}

function questionText(sample: Sample): string {
  const parts: string[] = [];
  if (sample.context !== undefined && sample.context.trim() !== '') parts.push(sample.context.trim());
  parts.push(sample.question.trim());
  sample.choices?.forEach((choice, i) => {
    parts.push(`${i < 26 ? optionLetter(i) : i + 1}. ${choice}`);
  });
  return parts.join('\n');
}

function scaleOf(options: LlmJudgeOptions): ScoreScale {
  const scale = { min: options.scale?.min ?? 1, max: options.scale?.max ?? 10 };
  if (!Number.isInteger(scale.min) || !Number.isInteger(scale.max) || scale.min >= scale.max) {
    throw new ScoringError(
      `the judge's score scale must be integers with min < max, got ${scale.min}-${scale.max}`,
      {
        method: 'llm_judge',
      },
    );
  }
  return scale;
}

/** Outcome of a pairwise comparison judged twice with the positions swapped. */
export interface PairwiseOutcome {
  /** `win` only when both orders prefer the candidate, `loss` when both prefer the opponent, else `tie`. */
  result: 'win' | 'tie' | 'loss';
  /** Verdict with the candidate as A, then with the candidate as B. */
  verdicts: readonly [PairwiseVerdict, PairwiseVerdict];
  /** Whether the two orders agree (the same response preferred, or a tie both times). */
  consistent: boolean;
}

/**
 * Combines the two verdicts of a swapped pairwise comparison (first: candidate shown as A; second:
 * candidate shown as B). The candidate wins only when both prefer it, loses only when both prefer the
 * opponent; any other combination — inconsistent or tied — is a tie, which cancels position bias.
 *
 * @example
 * ```ts
 * combineSwappedVerdicts('A', 'B').result; // 'win'
 * combineSwappedVerdicts('A', 'A').result; // 'tie' (the judge preferred whatever came first)
 * ```
 */
export function combineSwappedVerdicts(first: PairwiseVerdict, second: PairwiseVerdict): PairwiseOutcome {
  const result = first === 'A' && second === 'B' ? 'win' : first === 'B' && second === 'A' ? 'loss' : 'tie';
  const consistent = result !== 'tie' || (first === 'tie' && second === 'tie');
  return { result, verdicts: [first, second], consistent };
}

/**
 * The `llm_judge` scorer. A judge model (any `ModelProviderV1`) grades the output:
 * - `rubric`: a score on the scale (`score`), `correct` when it reaches `passScore`;
 * - `rubric_reference`: the same, with the sample's reference answer in the prompt (required);
 * - `pairwise`: the output against `context.opponent.output`, judged twice with the positions swapped;
 *   `score` is 1 (win), 0.5 (tie) or 0 (loss), `correct` only for a win.
 * Prompts are Korean for Korean samples, English otherwise; the judge runs at temperature 0. Its reply is
 * parsed strictly (a final `Score: N` / `Verdict: A|B|tie` line): an unparseable reply is a
 * `JudgeVerdictError`, a failed judge call its `ProviderCallError`, never a score.
 *
 * @example
 * ```ts
 * const scorer = createLlmJudgeScorer({ judge, mode: 'rubric', criteria: ['correctness'] });
 * const { score } = await scorer.score(sample, output);
 * ```
 */
export function createLlmJudgeScorer(options: LlmJudgeOptions = {}): Scorer {
  const mode = options.mode ?? 'rubric';
  const scale = scaleOf(options);
  const passScore = options.passScore ?? Math.ceil((scale.min + scale.max) / 2);
  const build = options.buildPrompt ?? defaultJudgePrompt;

  async function ask(judge: ModelProviderV1, prompt: string, context: ScoringContext): Promise<string> {
    const result = await judge.generate(
      { prompt, temperature: 0, maxTokens: options.maxTokens ?? 1024 },
      context.signal === undefined ? {} : { signal: context.signal },
    );
    return result.text;
  }

  async function score(sample: Sample, output: string, context: ScoringContext = {}): Promise<ScoreResult> {
    const judge = context.judge ?? options.judge;
    if (judge === undefined) {
      throw new ScoringError('llm_judge needs a judge model (options.judge or context.judge)', {
        method: 'llm_judge',
        sampleId: sample.id,
      });
    }
    const language: JudgeLanguage =
      options.language === undefined || options.language === 'auto'
        ? isKorean(sample)
          ? 'ko'
          : 'en'
        : options.language;
    const base = { language, question: questionText(sample), criteria: options.criteria ?? [], scale };

    if (mode === 'pairwise') {
      const opponent = context.opponent;
      if (opponent === undefined) {
        throw new ScoringError('pairwise judging needs the output to compare with (context.opponent)', {
          method: 'llm_judge',
          sampleId: sample.id,
        });
      }
      const asA = await ask(
        judge,
        build({ ...base, mode, response: output, responseB: opponent.output }),
        context,
      );
      const first = parsePairwiseVerdict(asA, sample.id);
      const asB = await ask(
        judge,
        build({ ...base, mode, response: opponent.output, responseB: output }),
        context,
      );
      const second = parsePairwiseVerdict(asB, sample.id);
      const outcome = combineSwappedVerdicts(first, second);
      return {
        correct: outcome.result === 'win',
        score: outcome.result === 'win' ? 1 : outcome.result === 'tie' ? 0.5 : 0,
        extracted: outcome.result,
        details: {
          ...outcome,
          replies: [asA, asB],
          ...(opponent.modelId ? { opponent: opponent.modelId } : {}),
        },
      };
    }

    const reference =
      mode === 'rubric_reference' ? (goldAnswerText(sample) ?? sample.references?.[0]) : undefined;
    if (mode === 'rubric_reference' && reference === undefined) {
      throw new ScoringError('rubric_reference judging needs a reference answer', {
        method: 'llm_judge',
        sampleId: sample.id,
      });
    }
    const reply = await ask(
      judge,
      build({ ...base, mode, response: output, ...(reference === undefined ? {} : { reference }) }),
      context,
    );
    const value = parseScoreVerdict(reply, scale, sample.id);
    return {
      correct: value >= passScore,
      score: value,
      extracted: String(value),
      metrics: { judge_score: value, judge_normalized: (value - scale.min) / (scale.max - scale.min) },
      details: { reply, passScore },
    };
  }

  return { method: 'llm_judge', requires: { generation: true, logLikelihoods: false, judge: true }, score };
}
