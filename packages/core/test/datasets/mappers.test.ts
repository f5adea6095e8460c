import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapBenchHubRow } from '../../src/datasets/mappers/benchhub.js';
import { mapClickRow } from '../../src/datasets/mappers/click.js';
import { mapHaeraeRow } from '../../src/datasets/mappers/haerae.js';
import { mapKmmluRow } from '../../src/datasets/mappers/kmmlu.js';
import { parseListLiteral } from '../../src/datasets/mappers/list-literal.js';
import { mapMmluRow, mmluSubjectFromFile } from '../../src/datasets/mappers/mmlu.js';
import type { RowMapper } from '../../src/datasets/mappers/types.js';
import type { RawRow } from '../../src/datasets/rows.js';
import { openDatasetSource } from '../../src/datasets/sources/open-source.js';
import type { Sample } from '../../src/domain/sample.js';
import { SampleSchema } from '../../src/domain/sample.js';
import { DatasetError } from '../../src/errors/dataset-error.js';
import { describeWithShared, sharedPath } from '../support/shared.js';
import { collect } from './temp-files.js';

function row(data: Record<string, unknown>, source = 'data/BenchHub-Ko.jsonl', n = 7): RawRow {
  return { source, row: n, data };
}

function mapError(mapper: RowMapper, raw: RawRow): DatasetError {
  try {
    mapper(raw, {});
  } catch (error) {
    if (DatasetError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a DatasetError');
}

async function mapAll(path: string, mapper: RowMapper): Promise<Sample[]> {
  const rows = await collect(openDatasetSource({ type: 'file', path: sharedPath(path) }));
  return rows.map((r) => mapper(r, {}));
}

describe('parseListLiteral', () => {
  it('reads JSON and Python list literals', () => {
    expect(parseListLiteral('["a", "b\\"c"]')).toEqual(['a', 'b"c']);
    expect(parseListLiteral("['HASS', 'HASS/History', \"it's\"]")).toEqual(['HASS', 'HASS/History', "it's"]);
    expect(parseListLiteral("[ 'a\\'b', 1, None, True, ]")).toEqual(["a'b", '1', 'True']);
    expect(parseListLiteral('[]')).toEqual([]);
    expect(parseListLiteral("['\\uAC00\\n']")).toEqual(['가\n']);
  });

  it('returns undefined for anything else', () => {
    for (const text of ['plain', '[unquoted words]', "['open", "['a'] trailing", '["a" "b"]']) {
      expect(parseListLiteral(text), text).toBeUndefined();
    }
  });
});

describe('mapBenchHubRow', () => {
  const base = {
    problem_type: 'MCQA',
    context: '',
    prompt: '조선의 수도는?',
    options: ['개성', '한양', '경주', '평양'],
    answer: '한양',
    reference: null,
    subject_type: ['HASS', 'HASS/History'],
    task_type: 'Knowledge',
    target_type: 'Local',
    benchmark_name: 'KMMLU',
    mcqa_meta: '{"num_options": 4}',
    original_category: 'Korean-History',
    additional_info: '{}',
    split: 'test',
  };

  it('maps an MCQA row with the answer given as option text', () => {
    const sample = mapBenchHubRow(row(base), {});
    expect(sample).toEqual({
      id: 'BenchHub-Ko.jsonl#7',
      question: '조선의 수도는?',
      choices: ['개성', '한양', '경주', '평양'],
      answerIndex: 1,
      answer: '한양',
      metadata: {
        language: 'ko',
        subjectType: ['HASS', 'HASS/History'],
        taskType: 'Knowledge',
        targetType: 'Local',
        problemType: 'MCQA',
        benchmarkName: 'KMMLU',
        extra: {
          mcqa_meta: '{"num_options": 4}',
          original_category: 'Korean-History',
          additional_info: '{}',
          split: 'test',
        },
      },
    });
    expect(SampleSchema.safeParse(sample).success).toBe(true);
  });

  it('accepts list columns written as Python literals, letters and indexes as answers', () => {
    const fromCsv = mapBenchHubRow(
      row({
        ...base,
        options: "['개성', '한양', '경주', '평양']",
        subject_type: "['HASS/History']",
        answer: '(C)',
      }),
      {},
    );
    expect(fromCsv.choices).toEqual(['개성', '한양', '경주', '평양']);
    expect(fromCsv.metadata.subjectType).toEqual(['HASS/History']);
    expect(fromCsv.answerIndex).toBe(2);
    expect(mapBenchHubRow(row({ ...base, answer: 3 }), {}).answer).toBe('평양');
    expect(mapBenchHubRow(row({ ...base, subject_type: 'Culture' }), {}).metadata.subjectType).toEqual([
      'Culture',
    ]);
  });

  it('uses the row id, the language column, and defaults only where the row has no label', () => {
    const sample = mapBenchHubRow(row({ ...base, id: 42, language: 'Korean', task_type: null }, 'inline'), {
      defaults: { language: 'en', taskType: 'Reasoning', benchmarkName: 'ignored' },
    });
    expect(sample.id).toBe('42');
    expect(sample.metadata.language).toBe('ko');
    expect(sample.metadata.taskType).toBe('Reasoning');
    expect(sample.metadata.benchmarkName).toBe('KMMLU');
  });

  it('maps an open-ended row: answer text, reference as a reference', () => {
    const sample = mapBenchHubRow(
      row({
        problem_type: 'open-ended',
        prompt: 'Explain.',
        answer: 'Because.',
        reference: 'A longer reason.',
      }),
      {},
    );
    expect(sample.choices).toBeUndefined();
    expect(sample.answer).toBe('Because.');
    expect(sample.references).toEqual(['A longer reason.']);
    expect(sample.metadata.problemType).toBe('open-ended');
  });

  it('names the field of a malformed row', () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...base, prompt: '' }, 'prompt', /missing required field "prompt"/],
      [{ ...base, answer: '신라' }, 'answer', /neither one of the 4 options/],
      [{ ...base, answer: 4 }, 'answer', /outside the 4 options/],
      [{ ...base, options: [] }, 'options', /needs a non-empty "options"/],
      [{ ...base, options: 'not a list' }, 'options', /expected a list/],
      [{ ...base, options: ['a', { b: 1 }] }, 'options[1]', /expected text, got an object/],
      [{ ...base, language: 'Klingon' }, 'language', /unknown language/],
    ];
    for (const [data, field, message] of cases) {
      const error = mapError(mapBenchHubRow, row(data));
      expect(error.field, field).toBe(field);
      expect(error.row).toBe(7);
      expect(error.source).toBe('data/BenchHub-Ko.jsonl');
      expect(error.message).toMatch(message);
    }
  });

  it('asks for defaults.language when neither the row nor the file name gives one', () => {
    const error = mapError(mapBenchHubRow, row(base, 'my-data.jsonl'));
    expect(error.field).toBe('language');
    expect(error.message).toMatch(/defaults\.language/);
  });
});

describeWithShared('mapClickRow on the CLIcK files', ['data/benchmarks/click/Dataset'], () => {
  it('maps all 1,995 rows with unique ids, subjects from the directories, and the answer index', async () => {
    const samples = await mapAll('data/benchmarks/click/Dataset', mapClickRow);
    expect(samples).toHaveLength(1995);
    expect(new Set(samples.map((s) => s.id)).size).toBe(1995);
    for (const s of samples) {
      expect(s.choices![s.answerIndex!]).toBe(s.answer);
      expect(s.metadata).toMatchObject({ language: 'ko', benchmarkName: 'CLIcK', problemType: 'MCQA' });
      expect(s.metadata.subjectType).toHaveLength(1);
    }
    const history = samples.find((s) => s.id === 'History_Kedu/Kedu_history_1')!;
    expect(history.metadata.subjectType).toEqual(['HASS/History']);
    expect(history.metadata.extra).toEqual({
      clickCategory: 'Korean History',
      clickGroup: 'Culture',
      clickSource: 'Kedu',
      originalId: 'Kedu_history_1',
    });
    expect(history.answer).toBe('남바위는 귀, 이마, 목덜미 부분 등을 가리는 방한모이다.');
    expect(history.answerIndex).toBe(3);
    const bySubject = new Map<string, number>();
    for (const s of samples)
      bySubject.set(s.metadata.subjectType[0]!, (bySubject.get(s.metadata.subjectType[0]!) ?? 0) + 1);
    expect(bySubject.get('HASS/History')).toBe(280);
    expect(bySubject.get('HASS/Language')).toBe(650);
    expect(bySubject.get('HASS/Law')).toBe(219);
  });

  it('rejects a row whose answer is not a choice', () => {
    const error = mapError(
      mapClickRow,
      row(
        { id: 'x', question: 'q', choices: ['a', 'b'], answer: 'c' },
        'Dataset/Culture/Korean Law/Law_KIIP.json',
        3,
      ),
    );
    expect(error.field).toBe('answer');
    expect(error.row).toBe(3);
  });
});

describeWithShared(
  'mapHaeraeRow on HAE-RAE 1.0',
  [
    'data/benchmarks/haerae/haerae_bench_1.0_general_knowledge.csv',
    'data/benchmarks/haerae/haerae_bench_1.0_reading_comprehension.csv',
  ],
  () => {
    it('maps 176 general-knowledge rows with five options', async () => {
      const samples = await mapAll(
        'data/benchmarks/haerae/haerae_bench_1.0_general_knowledge.csv',
        mapHaeraeRow,
      );
      expect(samples).toHaveLength(176);
      expect(samples.every((s) => s.choices!.length === 5)).toBe(true);
      expect(samples[0]).toMatchObject({
        id: 'haerae_bench_1.0_general_knowledge.csv#1',
        choices: ['추석', '제사', '성묘', '백일', '장례'],
        answerIndex: 1,
        answer: '제사',
        metadata: {
          language: 'ko',
          benchmarkName: 'HAE-RAE Bench',
          subjectType: ['Culture'],
          extra: { split: 'KGK' },
        },
      });
    });

    it('maps 447 reading-comprehension rows, skipping the empty option e', async () => {
      const samples = await mapAll(
        'data/benchmarks/haerae/haerae_bench_1.0_reading_comprehension.csv',
        mapHaeraeRow,
      );
      expect(samples).toHaveLength(447);
      expect(samples.every((s) => s.choices!.length === 4)).toBe(true);
      expect(samples[0]).toMatchObject({
        choices: ['도장', '명함', '여권', '통장'],
        answerIndex: 2,
        answer: '여권',
      });
      expect(samples[0]!.metadata.subjectType).toEqual(['HASS/Language']);
    });

    it('rejects an answer letter naming an empty option', () => {
      const error = mapError(
        mapHaeraeRow,
        row({ question: 'q', a: '1', b: '2', c: '3', d: '4', e: '', answer: 'e' }),
      );
      expect(error.field).toBe('answer');
      expect(error.message).toMatch(/empty/);
    });
  },
);

describeWithShared('mapMmluRow on MMLU dev', ['data/benchmarks/mmlu/dev'], () => {
  it('maps 57 subjects × 5 rows with the subject from the file name', async () => {
    const files = readdirSync(sharedPath('data/benchmarks/mmlu/dev'));
    expect(files).toHaveLength(57);
    const samples = await mapAll('data/benchmarks/mmlu/dev', mapMmluRow);
    expect(samples).toHaveLength(285);
    const anatomy = samples.filter((s) => s.metadata.extra?.subject === 'anatomy');
    expect(anatomy).toHaveLength(5);
    expect(anatomy[0]).toMatchObject({
      id: 'anatomy_dev.csv#1',
      question: 'What is the embryological origin of the hyoid bone?',
      answerIndex: 3,
      answer: 'The second and third pharyngeal arches',
      metadata: { language: 'en', benchmarkName: 'MMLU', problemType: 'MCQA' },
    });
    expect(new Set(samples.map((s) => s.metadata.extra?.subject)).size).toBe(57);
  });

  it('derives subjects from file names and rejects a bad answer', () => {
    expect(mmluSubjectFromFile('x/high_school_us_history_test.csv')).toBe('high_school_us_history');
    const data = { question: 'q', choice0: 'a', choice1: 'b', choice2: 'c', choice3: 'd', answer: '4' };
    expect(mapError(mapMmluRow, row(data, 'anatomy_dev.csv')).message).toMatch(/0-based index from 0 to 3/);
    const translated = mapMmluRow(row({ ...data, answer: 1 }, 'anatomy_dev.csv'), {
      defaults: { language: 'ko' },
    });
    expect(translated.metadata.language).toBe('ko');
    expect(mapMmluRow(row({ ...data, answer: 1 }, 'anatomy_dev.csv'), {}).metadata.language).toBe('en');
  });
});

describe('mapKmmluRow', () => {
  it('maps a 1-based answer and keeps Category and Human Accuracy', () => {
    const sample = mapKmmluRow(
      row(
        {
          question: 'q',
          A: 'a',
          B: 'b',
          C: 'c',
          D: 'd',
          answer: '2',
          Category: 'Law',
          'Human Accuracy': '0.35',
        },
        'Law-test.csv',
        1,
      ),
      {},
    );
    expect(sample).toEqual({
      id: 'Law-test.csv#1',
      question: 'q',
      choices: ['a', 'b', 'c', 'd'],
      answerIndex: 1,
      answer: 'b',
      metadata: {
        language: 'ko',
        subjectType: [],
        problemType: 'MCQA',
        benchmarkName: 'KMMLU',
        extra: { category: 'Law', humanAccuracy: 0.35 },
      },
    });
  });

  it('rejects a 0 answer and a missing option', () => {
    expect(
      mapError(mapKmmluRow, row({ question: 'q', A: 'a', B: 'b', C: 'c', D: 'd', answer: 0 })).field,
    ).toBe('answer');
    expect(mapError(mapKmmluRow, row({ question: 'q', A: 'a', B: 'b', C: 'c', answer: 1 })).field).toBe('D');
  });
});
