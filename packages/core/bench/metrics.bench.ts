/**
 * Metrics benchmark: `pnpm bench metrics [--json] [--smoke]`.
 *
 * Generates 10,000 English sentence pairs of about 25 words (1,000 with --smoke) from a seeded PRNG, then
 * times `corpusBleu` over the whole corpus and `rougeScore` (rougeL, stemmer on) pair by pair. Targets:
 * BLEU ≥ 20,000 pairs/s, ROUGE-L ≥ 10,000 pairs/s. As a machine-independent figure it also times a
 * baseline that only splits each pair on spaces and counts unigrams in a Map — the least work any n-gram
 * metric does — and reports each metric's speed as a fraction of it. With --json the last line is one
 * JSON object; a --smoke run exits 0 below the targets, a full run exits 1.
 */
import { mulberry32, randomBelow } from '../src/datasets/sampling/prng.js';
import { rougeScore } from '../src/metrics/rouge/index.js';
import { corpusBleu } from '../src/metrics/sacrebleu/index.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const smoke = args.includes('--smoke');
const PAIRS = smoke ? 1_000 : 10_000;
const TARGET_BLEU = 20_000;
const TARGET_ROUGE = 10_000;

const WORDS = (
  'the a of to and in is was for on that with as by at from it this be are were has have had not but ' +
  'model models evaluation evaluating evaluated benchmark benchmarks answer answers answering question ' +
  'questions language languages korean english history historical culture cultural running runs ran ' +
  'generation generated generating scores scored scoring accuracy accurately reasoning reasoned knowledge ' +
  'students teachers government national international economy economic policies policy sentences ' +
  'translation translated translations quickly slowly carefully happiness relational conditional ' +
  'university universities studies studying studied results resulting measurements measured, "quoted" ' +
  'numbers 1,234 3.14 (parenthesised) well-known state-of-the-art e.g. U.S. co-operation.'
).split(' ');

function sentence(rng: ReturnType<typeof mulberry32>, length: number): string {
  const words: string[] = [];
  for (let i = 0; i < length; i++) words.push(WORDS[randomBelow(rng, WORDS.length)]!);
  return `${words.join(' ')}.`;
}

/** A reference and a hypothesis sharing about two thirds of their words, as a decent system's would. */
function makePairs(n: number): { hypotheses: string[]; references: string[] } {
  const rng = mulberry32(2024);
  const hypotheses: string[] = [];
  const references: string[] = [];
  for (let i = 0; i < n; i++) {
    const reference = sentence(rng, 22 + randomBelow(rng, 7));
    const words = reference.split(' ');
    for (let j = 0; j < words.length; j++)
      if (randomBelow(rng, 3) === 0) words[j] = WORDS[randomBelow(rng, WORDS.length)]!;
    references.push(reference);
    hypotheses.push(words.join(' '));
  }
  return { hypotheses, references };
}

/** Runs `work` until at least `minMs` have passed; returns seconds per run (best of the timed runs). */
function timeIt(work: () => void, minMs = smoke ? 200 : 1_500): number {
  work(); // warm-up: JIT and caches
  let best = Number.POSITIVE_INFINITY;
  const started = performance.now();
  do {
    const t0 = performance.now();
    work();
    best = Math.min(best, performance.now() - t0);
  } while (performance.now() - started < minMs);
  return best / 1000;
}

const { hypotheses, references } = makePairs(PAIRS);
let sink = 0;

const bleuSeconds = timeIt(() => {
  sink += corpusBleu(hypotheses, [references]).score;
});
const rougeSeconds = timeIt(() => {
  for (let i = 0; i < PAIRS; i++) {
    sink += rougeScore(references[i]!, hypotheses[i]!, { rougeTypes: ['rougeL'], useStemmer: true }).rougeL!
      .fmeasure;
  }
});
const baselineSeconds = timeIt(() => {
  for (let i = 0; i < PAIRS; i++) {
    const counts = new Map<string, number>();
    for (const w of references[i]!.split(' ')) counts.set(w, (counts.get(w) ?? 0) + 1);
    for (const w of hypotheses[i]!.split(' ')) sink += counts.get(w) ?? 0;
  }
});

const perSec = (seconds: number) => Math.round(PAIRS / seconds);
const bleu = {
  pairsPerSec: perSec(bleuSeconds),
  score: Number(corpusBleu(hypotheses, [references]).score.toFixed(2)),
};
const rouge = { pairsPerSec: perSec(rougeSeconds) };
const baseline = { pairsPerSec: perSec(baselineSeconds) };
const ok = bleu.pairsPerSec >= TARGET_BLEU && rouge.pairsPerSec >= TARGET_ROUGE;
const report = {
  benchmark: 'metrics',
  pairs: PAIRS,
  bleu: { ...bleu, ratioToBaseline: Number((bleu.pairsPerSec / baseline.pairsPerSec).toFixed(3)) },
  rouge: { ...rouge, ratioToBaseline: Number((rouge.pairsPerSec / baseline.pairsPerSec).toFixed(3)) },
  baseline,
  targets: { bleuPairsPerSec: TARGET_BLEU, rougePairsPerSec: TARGET_ROUGE },
  ok,
};
if (json) {
  console.log(JSON.stringify(report));
} else {
  console.table({
    pairs: PAIRS,
    'corpusBleu pairs/s': `${bleu.pairsPerSec.toLocaleString('en')} (target ≥ ${TARGET_BLEU.toLocaleString('en')})`,
    'rougeL+stem pairs/s': `${rouge.pairsPerSec.toLocaleString('en')} (target ≥ ${TARGET_ROUGE.toLocaleString('en')})`,
    'baseline pairs/s (split + unigram Map)': baseline.pairsPerSec.toLocaleString('en'),
    'BLEU / baseline': report.bleu.ratioToBaseline,
    'ROUGE-L / baseline': report.rouge.ratioToBaseline,
    verdict: ok ? 'ok' : 'BELOW TARGET',
  });
}
if (sink === Number.NEGATIVE_INFINITY) console.log(sink); // keeps the work observable
if (!ok && !smoke) process.exitCode = 1;
