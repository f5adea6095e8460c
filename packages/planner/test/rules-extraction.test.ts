import { describe, expect, it } from 'vitest';
import { extractModels, extractSampleSizes, extractSeeds, RequestText } from '../src/rules/index.js';

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
