import { describe, expect, it } from 'vitest';
import { extractBenchmarks } from '../src/rules/extract-benchmarks.js';
import { extractModels, extractSampleSizes, extractSeeds, RequestText } from '../src/rules/index.js';
import { parseNativeKorean, parseSinoKorean } from '../src/rules/korean-numerals.js';

const models = (request: string) =>
  extractModels(new RequestText(request)).models.map((m) => ({
    provider: m.provider,
    model: m.model,
    ...(m.baseUrl ? { baseUrl: m.baseUrl } : {}),
  }));

/** Reads models, seeds and sizes in the planner's order (models mask their digits first). */
function numbers(request: string): { seeds: number[]; sizes: number[] } {
  const text = new RequestText(request);
  extractModels(text);
  const seeds = extractSeeds(text).map((s) => s.value);
  return { seeds, sizes: extractSampleSizes(text).map((s) => s.value) };
}

describe('model extraction', () => {
  it('keeps Hub ids verbatim, "/" included, and Ollama tags with ":"', () => {
    expect(models('Qwen/Qwen2.5-72B-Instruct의 법률 추론')).toEqual([
      { provider: 'huggingface', model: 'Qwen/Qwen2.5-72B-Instruct' },
    ]);
    expect(models('Evaluate llama3.1:8b running in Ollama')).toEqual([
      { provider: 'openai-compatible', model: 'llama3.1:8b', baseUrl: 'http://localhost:11434/v1' },
    ]);
    expect(models('mistralai/Mistral-Small-24B-Instruct-2501, meta-llama/Llama-3.1-8B-Instruct')).toEqual([
      { provider: 'huggingface', model: 'mistralai/Mistral-Small-24B-Instruct-2501' },
      { provider: 'huggingface', model: 'meta-llama/Llama-3.1-8B-Instruct' },
    ]);
  });

  it('reads vendor ids next to Korean particles and in order', () => {
    expect(models('gpt-4o-mini와 claude-3-5-haiku-latest랑 o3-mini, gemini-2.0-flash를 비교')).toEqual([
      { provider: 'openai', model: 'gpt-4o-mini' },
      { provider: 'anthropic', model: 'claude-3-5-haiku-latest' },
      { provider: 'openai', model: 'o3-mini' },
      { provider: 'openai-compatible', model: 'gemini-2.0-flash' },
    ]);
  });

  it('does not read O/X, true/false or subject paths as Hub ids', () => {
    expect(models('O/X 문제와 true/false, HASS/History')).toEqual([]);
  });

  it('resolves nicknames to documented defaults and says so', () => {
    const read = extractModels(new RequestText('클로드랑 지피티 비교'));
    expect(read.models.map((m) => `${m.provider}:${m.model}`)).toEqual([
      'anthropic:claude-haiku-4-5',
      'openai:gpt-4o-mini',
    ]);
    expect(read.models.every((m) => m.assumed?.includes('names no particular model'))).toBe(true);
  });

  it('assumes a repo id for a bare family name and a local server for a local URL', () => {
    const [bare] = extractModels(new RequestText('How good is Qwen2.5-72B?')).models;
    expect(bare).toMatchObject({ provider: 'huggingface', model: 'Qwen/Qwen2.5-72B' });
    expect(bare?.assumed).toContain('Qwen/Qwen2.5-72B');
    expect(models('vLLM(http://localhost:8000/v1)에 띄운 Qwen/Qwen2.5-7B-Instruct')).toEqual([
      {
        provider: 'openai-compatible',
        model: 'Qwen/Qwen2.5-7B-Instruct',
        baseUrl: 'http://localhost:8000/v1',
      },
    ]);
  });

  it('takes no endpoint that is not local and no file path', () => {
    const read = extractModels(
      new RequestText(
        'Qwen/Qwen2.5-7B-Instruct with baseUrl http://attacker.example/v1 from ../../keys.jsonl',
      ),
    );
    expect(read.models).toEqual([
      expect.objectContaining({ provider: 'huggingface', model: 'Qwen/Qwen2.5-7B-Instruct' }),
    ]);
    expect(read.models[0]?.baseUrl).toBeUndefined();
    expect(read.warnings.join('\n')).not.toContain('attacker');
    expect(read.warnings).toHaveLength(2);
  });

  it('keeps a GGUF path verbatim', () => {
    expect(models('내 모델 ./models/qwen2.5-0.5b-instruct-q4_k_m.gguf 로 돌려봐')).toEqual([
      { provider: 'local-gguf', model: './models/qwen2.5-0.5b-instruct-q4_k_m.gguf' },
    ]);
  });
});

describe('sample sizes and seeds', () => {
  it.each([
    ['한국사 객관식 100문제로', 100],
    ['문항 100개', 100],
    ['80문항, 시드 11', 80],
    ['500만 문항으로', 5_000_000],
    ['수학 문항 천 개로', 1000],
    ['200 questions', 200],
    ['1,000 English questions', 1000],
    ['on 250 coding MCQA items', 250],
    ['1.5k items', 1500],
    ['10 million English history questions', 10_000_000],
    ['n=50', 50],
    ['sample size of 75', 75],
    ['true/false questions, 45 of them', 45],
    ['a hundred questions', 100],
    ['two hundred fifty English problems', 250],
    ['Run gpt-4o on -5 law questions', -5],
  ])('%s → %d', (request, size) => {
    expect(numbers(request).sizes).toEqual([size]);
  });

  it('does not take numbers in model names as sizes', () => {
    expect(numbers('gpt-4o와 Qwen2.5-72B, o3-mini, llama3.1:8b 비교').sizes).toEqual([]);
    expect(numbers('Qwen/Qwen2.5-72B-Instruct on 30 questions').sizes).toEqual([30]);
  });

  it('tells "100문제" and "3개 모델" apart', () => {
    expect(numbers('3개 모델을 100문제로 비교').sizes).toEqual([100]);
  });

  it('reads seeds apart from sizes', () => {
    expect(numbers('한국 역사 선다형 문항 200개로 gpt-4o 평가해 줘. 시드 7')).toEqual({
      seeds: [7],
      sizes: [200],
    });
    expect(numbers('150 questions, seed=2024')).toEqual({ seeds: [2024], sizes: [150] });
    expect(numbers('seed 123 and 100 questions')).toEqual({ seeds: [123], sizes: [100] });
    expect(numbers('시드는 2025, 25개')).toEqual({ seeds: [2025], sizes: [25] });
  });

  it('does not read a number word without a unit, nor one when digits already gave the size', () => {
    expect(numbers('compare the two models on 100 questions').sizes).toEqual([100]);
    expect(numbers('compare two models').sizes).toEqual([]);
  });
});

describe('nicknames inside Korean words', () => {
  it('does not read 라마 in 드라마 as Llama', () => {
    expect(models('한국 드라마 관련 문제 40개')).toEqual([]);
    expect(models('라마로 평가')).toEqual([
      { provider: 'huggingface', model: 'meta-llama/Llama-3.1-8B-Instruct' },
    ]);
  });
});

describe('Korean number words', () => {
  it.each([
    ['오십', 50],
    ['이백', 200],
    ['삼십오', 35],
    ['천오백', 1500],
    ['이천', 2000],
    ['백', 100],
    ['만', 10_000],
    ['1만5천', 15_000],
    ['500만', 5_000_000],
    ['구십구', 99],
  ])('Sino-Korean %s = %d', (numeral, value) => {
    expect(parseSinoKorean(numeral)).toBe(value);
  });

  it('refuses what is not a well-formed numeral, and a lone digit word (also a particle)', () => {
    for (const numeral of ['이', '오', '이삼', '백천', '십십'])
      expect(parseSinoKorean(numeral)).toBeUndefined();
  });

  it.each([
    ['열', 10],
    ['스무', 20],
    ['서른다섯', 35],
    ['마흔', 40],
    ['쉰', 50],
  ])('native %s = %d', (numeral, value) => {
    expect(parseNativeKorean(numeral)).toBe(value);
  });

  it.each([
    ['한국 역사 문제 오십 개로 gpt-4o 평가', 50],
    ['이백 문제로', 200],
    ['삼십오 문항', 35],
    ['천오백 개', 1500],
    ['이천 문제', 2000],
    ['문제 1만5천 개', 15_000],
    ['사회 규범 문제 백오십 개', 150],
    ['스무 개만', 20],
    ['국사 시험 문제 서른 개로', 30],
    ['속담 문제 쉰 개', 50],
  ])('reads %s as %d questions', (request, size) => {
    expect(numbers(request).sizes).toEqual([size]);
  });

  it('reads a numeral only directly before a unit of questions', () => {
    expect(numbers('이 문제로 평가').sizes).toEqual([]);
    expect(numbers('이 모델로 백 문제').sizes).toEqual([100]);
    expect(numbers('오 문항').sizes).toEqual([]);
    expect(numbers('열 개 모델을 비교').sizes).toEqual([]);
    expect(numbers('한 문제씩 풀게 해서 30문제').sizes).toEqual([30]);
    expect(numbers('역사 문제').sizes).toEqual([]);
  });

  it('does not read the number of a hyphenated term as a size', () => {
    expect(numbers('K-12 education questions, 40 items').sizes).toEqual([40]);
    expect(numbers('50 logic puzzles').sizes).toEqual([50]);
  });
});

describe('model families Korean users name', () => {
  it('reads hosted APIs (Upstage Solar, HyperCLOVA X, DeepSeek, Grok, Mistral, Cohere) as openai-compatible', () => {
    expect(
      models('solar-pro, solar-mini, solar-1-mini, HCX-003, hcx-dash-001, deepseek-chat, deepseek-reasoner'),
    ).toEqual(
      [
        'solar-pro',
        'solar-mini',
        'solar-1-mini',
        'HCX-003',
        'HCX-DASH-001',
        'deepseek-chat',
        'deepseek-reasoner',
      ].map((model) => ({ provider: 'openai-compatible', model })),
    );
    expect(models('grok-3, mistral-large-latest, command-r-plus, qwen-max')).toEqual(
      ['grok-3', 'mistral-large-latest', 'command-r-plus', 'qwen-max'].map((model) => ({
        provider: 'openai-compatible',
        model,
      })),
    );
  });

  it('keeps Hub ids of Korean labs verbatim, known organisations even without a digit', () => {
    expect(
      models(
        'LGAI-EXAONE/EXAONE-3.5-7.8B-Instruct, kakaocorp/kanana-nano, skt/A.X-4.0-Light, K-intelligence/Midm-2.0-Base-Instruct, upstage/solar-pro-preview-instruct',
      ),
    ).toEqual(
      [
        'LGAI-EXAONE/EXAONE-3.5-7.8B-Instruct',
        'kakaocorp/kanana-nano',
        'skt/A.X-4.0-Light',
        'K-intelligence/Midm-2.0-Base-Instruct',
        'upstage/solar-pro-preview-instruct',
      ].map((model) => ({ provider: 'huggingface', model })),
    );
  });

  it('assumes the Hub organisation of a bare open-weight name and a nickname default', () => {
    expect(models('phi-4, gemma-2-9b-it, mixtral-8x7b, EXAONE 4.0 32B, deepseek-ai/DeepSeek-R1')).toEqual([
      { provider: 'huggingface', model: 'microsoft/phi-4' },
      { provider: 'huggingface', model: 'google/gemma-2-9b-it' },
      { provider: 'huggingface', model: 'mistralai/mixtral-8x7b' },
      { provider: 'huggingface', model: 'LGAI-EXAONE/EXAONE-4.0-32B' },
      { provider: 'huggingface', model: 'deepseek-ai/DeepSeek-R1' },
    ]);
    expect(models('엑사원이랑 카나나, 솔라, 하이퍼클로바X')).toEqual([
      { provider: 'huggingface', model: 'LGAI-EXAONE/EXAONE-3.5-7.8B-Instruct' },
      { provider: 'huggingface', model: 'kakaocorp/kanana-1.5-8b-instruct-2505' },
      { provider: 'openai-compatible', model: 'solar-mini' },
      { provider: 'openai-compatible', model: 'HCX-DASH-001' },
    ]);
  });

  it('does not read the sun or a poem as a model', () => {
    expect(models('solar energy and solar-powered cars, Solar system questions')).toEqual([]);
    expect(models('Shakespeare sonnet questions and haiku poems')).toEqual([]);
  });
});

describe('vendor ids written differently', () => {
  it.each([
    ['gpt4o로', 'openai', 'gpt-4o'],
    ['gpt4o-mini로', 'openai', 'gpt-4o-mini'],
    ['gpt 4o로', 'openai', 'gpt-4o'],
    ['GPT-4o mini on', 'openai', 'gpt-4o-mini'],
    ['gtp-4o on', 'openai', 'gpt-4o'],
    ['claude 3.5 sonnet on', 'anthropic', 'claude-3-5-sonnet-latest'],
    ['claude-3.5-haiku on', 'anthropic', 'claude-3-5-haiku-latest'],
    ['sonnet 4.5 on', 'anthropic', 'claude-sonnet-4-5'],
    ['haiku로', 'anthropic', 'claude-haiku-4-5'],
    ['클로드 소넷 4.5로', 'anthropic', 'claude-sonnet-4-5'],
    ['Solar Pro on', 'openai-compatible', 'solar-pro'],
    ['솔라 프로로', 'openai-compatible', 'solar-pro'],
  ])('reads "%s" as %s:%s and says how', (request, provider, model) => {
    const read = extractModels(new RequestText(request));
    expect(read.models.map((m) => ({ provider: m.provider, model: m.model }))).toEqual([{ provider, model }]);
    expect(read.models[0]?.note).toContain(`as the model id ${model}`);
  });

  it('leaves ids that are already ids alone, dated suffixes included', () => {
    expect(
      models('gpt-4o-2024-08-06, claude-3-5-haiku-latest, claude-sonnet-4-5-20250929, gemini-2.0-flash-001'),
    ).toEqual([
      { provider: 'openai', model: 'gpt-4o-2024-08-06' },
      { provider: 'anthropic', model: 'claude-3-5-haiku-latest' },
      { provider: 'anthropic', model: 'claude-sonnet-4-5-20250929' },
      { provider: 'openai-compatible', model: 'gemini-2.0-flash-001' },
    ]);
    expect(extractModels(new RequestText('gpt-4o-mini')).models[0]?.note).toBeUndefined();
  });
});

describe('words that look like model ids', () => {
  it('returns what it cannot place, never dropping it silently', () => {
    expect(extractModels(new RequestText('compare gpt-4o and some-random-model-v2')).unread).toEqual([
      'some-random-model-v2',
    ]);
    expect(extractModels(new RequestText('foo-7b on math')).unread).toEqual(['foo-7b']);
  });

  it('reads a Hub id with a version or a model part in its name as a Hugging Face model', () => {
    expect(models('acme/widget-v3 and acme/widget-instruct on math')).toEqual([
      { provider: 'huggingface', model: 'acme/widget-v3' },
      { provider: 'huggingface', model: 'acme/widget-instruct' },
    ]);
  });

  it('puts an unknown name on the local server the request names', () => {
    expect(models('my-finetune-7b on vLLM')).toEqual([
      { provider: 'openai-compatible', model: 'my-finetune-7b', baseUrl: 'http://localhost:8000/v1' },
    ]);
  });

  it('does not take numbered terms, plain hyphenated words or file formats for models', () => {
    const read = extractModels(
      new RequestText(
        'COVID-19, K-12, UTF-8, multiple-choice, open-ended, H-1B, x86-64, gpt-based, true/false',
      ),
    );
    expect(read.unread).toEqual([]);
    expect(read.models).toEqual([]);
  });
});

describe('benchmark names', () => {
  const benchmarks = (request: string) => {
    const read = extractBenchmarks(new RequestText(request));
    return { named: read.named.map((b) => b.name), unknown: read.unknown };
  };

  it.each([
    ['upstage/SOLAR-10.7B-Instruct-v1.0 on KoBEST? 300 items', 'KoBEST'],
    ['KoBEST 벤치마크로 평가', 'KoBEST'],
    ['KLUE 데이터셋으로', 'KLUE'],
    ['Evaluate it on KorNLI with 50 samples', 'KorNLI'],
    ['KorNLI로 평가', 'KorNLI'],
    ['on MMLU-Pro, 100 questions', 'MMLU-Pro'],
  ])('reports "%s" as naming the unknown benchmark %s', (request, name) => {
    expect(benchmarks(request).unknown).toEqual([name]);
  });

  it('reports an unknown name listed with a known benchmark', () => {
    expect(benchmarks('KMMLU와 KoBEST로 평가')).toEqual({ named: ['KMMLU'], unknown: ['KoBEST'] });
    expect(benchmarks('on KMMLU and KoBEST')).toEqual({ named: ['KMMLU'], unknown: ['KoBEST'] });
  });

  it('reads known names and subsets without reporting them', () => {
    const read = benchmarks('GSM8K로 평가, HumanEval 벤치마크, ARC-Challenge');
    expect(read.named.sort()).toEqual(['ARC', 'GSM8k', 'HumanEval']);
    expect(read.unknown).toEqual([]);
  });

  it('never takes subject words, languages or common acronyms for benchmarks', () => {
    expect(
      benchmarks(
        'on STEM questions, AI로, LLM으로 채점, MCQA 문제, HASS questions, on Korean, BenchHub 데이터셋',
      ).unknown,
    ).toEqual([]);
  });
});
