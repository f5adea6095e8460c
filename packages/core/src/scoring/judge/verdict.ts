import { pythonStrip } from '../../text/python-text.js';
import { JudgeVerdictError } from '../scoring-error.js';

/** The inclusive integer range of a rubric score. */
export interface ScoreScale {
  /** Lowest score (default 1). */
  min: number;
  /** Highest score (default 10). */
  max: number;
}

/** A pairwise verdict: the first response, the second, or a tie. */
export type PairwiseVerdict = 'A' | 'B' | 'tie';

const DECORATION = /^[*_#>\s`]+|[*_`\s]+$/g;
const SCORE_LINE = /^score\s*[:：]\s*\[{0,2}\s*(-?\d+)\s*\]{0,2}\s*(?:\/\s*\d+\s*)?\.?$/i;
const VERDICT_LINE = /^verdict\s*[:：]\s*\[{0,2}\s*(a|b|tie)\s*\]{0,2}\s*\.?$/i;

function lastLine(text: string): string {
  const lines = text.split(/\r\n|[\n\r]/).map((l) => pythonStrip(l.replace(DECORATION, '')));
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i] !== '') return lines[i]!;
  return '';
}

function describe(text: string): string {
  const line = lastLine(text);
  return line === '' ? 'the reply is empty' : `its last line is ${JSON.stringify(line.slice(0, 120))}`;
}

/**
 * Reads a rubric score strictly: the reply's last non-empty line must be `Score: N` (markdown bold and
 * `[[N]]` / `N/10` forms tolerated), with `N` an integer within the scale. Anything else — no such line,
 * a score elsewhere in the text, a decimal, a score out of range — is a {@link JudgeVerdictError}.
 *
 * @example
 * ```ts
 * parseScoreVerdict('Accurate and complete.\nScore: 8', { min: 1, max: 10 }); // 8
 * ```
 */
export function parseScoreVerdict(reply: string, scale: ScoreScale, sampleId?: string): number {
  const expected = `a last line "Score: N" with N an integer from ${scale.min} to ${scale.max}`;
  const m = SCORE_LINE.exec(lastLine(reply));
  const where = sampleId === undefined ? {} : { sampleId };
  if (!m) {
    throw new JudgeVerdictError(
      `the judge's reply has no verdict: expected ${expected}, but ${describe(reply)}`,
      {
        ...where,
        verdictText: reply,
        expected,
      },
    );
  }
  const score = Number(m[1]);
  if (score < scale.min || score > scale.max) {
    throw new JudgeVerdictError(`the judge's score ${score} is outside ${scale.min}-${scale.max}`, {
      ...where,
      verdictText: reply,
      expected,
    });
  }
  return score;
}

/**
 * Reads a pairwise verdict strictly: the reply's last non-empty line must be `Verdict: A`, `Verdict: B`
 * or `Verdict: tie` (any case, markdown bold and `[[A]]` tolerated); otherwise a {@link JudgeVerdictError}.
 *
 * @example
 * ```ts
 * parsePairwiseVerdict('B is more precise.\n**Verdict: B**'); // 'B'
 * ```
 */
export function parsePairwiseVerdict(reply: string, sampleId?: string): PairwiseVerdict {
  const expected = 'a last line "Verdict: A", "Verdict: B" or "Verdict: tie"';
  const m = VERDICT_LINE.exec(lastLine(reply));
  if (!m) {
    throw new JudgeVerdictError(
      `the judge's reply has no verdict: expected ${expected}, but ${describe(reply)}`,
      {
        ...(sampleId === undefined ? {} : { sampleId }),
        verdictText: reply,
        expected,
      },
    );
  }
  const v = m[1]!.toLowerCase();
  return v === 'tie' ? 'tie' : (v.toUpperCase() as 'A' | 'B');
}
