/**
 * Datasets benchmark: `npx tsx packages/core/bench/datasets.bench.ts [--json] [--smoke]`.
 *
 * Generates 1,000,000 BenchHub-format JSONL rows (100,000 with --smoke) in a temporary directory —
 * Korean prompts and options, four options, subject arrays, the BenchHub columns — then runs the
 * measured work in a fresh child process (`datasets-worker.ts`): stream, map and validate every row,
 * filter to language ko + coarse subject HASS, and draw a seeded sample of 1,000. Reports rows/s and the
 * child's peak RSS (`process.resourceUsage().maxRSS`). Targets: ≥ 200,000 rows/s, peak RSS < 200 MB.
 * A second fresh child (`datasets-baseline.ts`) only reads and `JSON.parse`s the same file: the ratio of
 * the two is the machine-independent figure. With --json the last line is one JSON object.
 * A --smoke run exits 0 below the targets (it only proves the benchmark works); a full run exits 1.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32, randomBelow } from '../src/datasets/sampling/prng.js';
import { writeJsonl } from './support/write-jsonl.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const smoke = args.includes('--smoke');
const ROWS = smoke ? 100_000 : 1_000_000;
const TARGET_ROWS_PER_SEC = 200_000;
const TARGET_RSS_MB = 200;

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const worker = fileURLToPath(new URL('./datasets-worker.ts', import.meta.url));
const baseline = fileURLToPath(new URL('./datasets-baseline.ts', import.meta.url));

/** Runs one measurement in a fresh Node process (so its peak RSS is its own) and parses its JSON line. */
function measure<T>(script: string, file: string): T {
  const child = spawnSync(process.execPath, ['--import', 'tsx', script, file], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (child.status !== 0) {
    console.error(child.stderr || child.stdout);
    process.exit(child.status ?? 1);
  }
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '') as T;
}

const WORDS = [
  '조선',
  '시대',
  '역사',
  '문화',
  '경제',
  '정치',
  '사회',
  '법률',
  '지리',
  '전통',
  '한국어',
  '문법',
  '과학',
  '기술',
  '수학',
  '물리',
  '화학',
  '생물',
  '예술',
  '음악',
  '체육',
  '교육',
  '언어',
  '철학',
  '종교',
  '국가',
  '정부',
  '국민',
  '헌법',
  '시장',
  '가격',
  '수요',
  '공급',
  '산업',
  '농업',
  '도시',
  '인구',
  '기후',
  '지역',
];
const ENDINGS = [
  '에 대한 설명으로 옳은 것은?',
  '과 관련된 내용으로 옳지 않은 것은?',
  '의 특징을 고르시오.',
  '에 해당하는 것은?',
];
const SUBJECTS: readonly [string, string][] = [
  ['HASS', 'HASS/History'],
  ['HASS', 'HASS/Law'],
  ['HASS', 'HASS/Economics'],
  ['Science', 'Science/Physics'],
  ['Science', 'Science/Math'],
  ['Tech.', 'Tech./Coding'],
  ['Culture', 'Culture/Tradition'],
  ['Art & Sports', 'Art & Sports/Music'],
];
const TASKS = ['Knowledge', 'Reasoning', 'Value/alignment'];
const TARGETS = ['General', 'Local'];

async function generate(path: string, rows: number): Promise<void> {
  const rng = mulberry32(20240601);
  const pick = <T>(items: readonly T[]): T => items[randomBelow(rng, items.length)]!;
  const phrase = (words: number): string => Array.from({ length: words }, () => pick(WORDS)).join(' ');
  await writeJsonl(path, rows, (i) => {
    const options = [phrase(4), phrase(4), phrase(5), phrase(3)];
    const answer = randomBelow(rng, 4);
    const [coarse, fine] = pick(SUBJECTS);
    return {
      problem_type: 'MCQA',
      context: i % 4 === 0 ? `다음 글을 읽고 물음에 답하시오. ${phrase(30)}.` : '',
      prompt: `다음은 ${fine}에 대한 문제이다. ${phrase(8)}${pick(ENDINGS)}`,
      options,
      answer: options[answer],
      reference: '',
      subject_type: [coarse, fine],
      task_type: pick(TASKS),
      target_type: pick(TARGETS),
      benchmark_name: i % 3 === 0 ? 'KMMLU' : 'CLIcK',
      mcqa_meta: `{"num_options": 4, "original_answer": ${answer}}`,
      original_category: fine,
      additional_info: '{}',
      split: 'test',
      language: i % 10 < 7 ? 'ko' : 'en',
    };
  });
}

interface Result {
  rows: number;
  matched: number;
  selected: number;
  seconds: number;
  rowsPerSec: number;
  peakRssMb: number;
}

const dir = mkdtempSync(join(tmpdir(), 'benchhub-bench-'));
try {
  const file = join(dir, 'benchhub-ko.jsonl');
  const genStart = performance.now();
  await generate(file, ROWS);
  const genSeconds = (performance.now() - genStart) / 1000;
  const sizeMb = statSync(file).size / 1024 / 1024;
  if (!json)
    console.log(
      `generated ${ROWS.toLocaleString('en')} rows (${sizeMb.toFixed(0)} MB) in ${genSeconds.toFixed(1)} s`,
    );
  const result = measure<Result>(worker, file);
  const floor = measure<{ rowsPerSec: number }>(baseline, file);
  const ratioToBaseline = Number((result.rowsPerSec / floor.rowsPerSec).toFixed(3));
  const ok = result.rowsPerSec >= TARGET_ROWS_PER_SEC && result.peakRssMb < TARGET_RSS_MB;
  const report = {
    benchmark: 'datasets',
    ...result,
    fileMb: Number(sizeMb.toFixed(1)),
    baselineRowsPerSec: floor.rowsPerSec,
    ratioToBaseline,
    targets: { rowsPerSec: TARGET_ROWS_PER_SEC, peakRssMb: TARGET_RSS_MB },
    ok,
  };
  if (!json) {
    console.table({
      rows: result.rows,
      matched: result.matched,
      selected: result.selected,
      seconds: result.seconds,
      'rows/s': `${result.rowsPerSec.toLocaleString('en')} (target ≥ ${TARGET_ROWS_PER_SEC.toLocaleString('en')})`,
      'peak RSS MB': `${result.peakRssMb} (target < ${TARGET_RSS_MB})`,
      'baseline rows/s (read + JSON.parse only)': floor.rowsPerSec.toLocaleString('en'),
      'ratio to baseline': ratioToBaseline,
      verdict: ok ? 'ok' : 'BELOW TARGET',
    });
  } else {
    console.log(JSON.stringify(report));
  }
  // A smoke run proves the benchmark still works; only a full run is held to the targets.
  if (!ok && !smoke) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
