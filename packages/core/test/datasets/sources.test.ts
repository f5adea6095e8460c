import { describe, expect, it } from 'vitest';
import type { RawRow } from '../../src/datasets/rows.js';
import { readCsvRows } from '../../src/datasets/sources/csv.js';
import { createDatasetSource } from '../../src/datasets/sources/dataset-source.js';
import { fileFormatFromPath } from '../../src/datasets/sources/file-format.js';
import { readJsonRows } from '../../src/datasets/sources/json.js';
import { JsonArrayScanner } from '../../src/datasets/sources/json-array-scanner.js';
import { readJsonlRows } from '../../src/datasets/sources/jsonl.js';
import { openDatasetSource } from '../../src/datasets/sources/open-source.js';
import { readParquetRows } from '../../src/datasets/sources/parquet.js';
import { DatasetError } from '../../src/errors/dataset-error.js';
import { describeWithShared, sharedPath } from '../support/shared.js';
import { collect, useTempDir } from './temp-files.js';

const tmp = useTempDir();

async function failure(promise: Promise<unknown>): Promise<DatasetError> {
  try {
    await promise;
  } catch (error) {
    if (DatasetError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a DatasetError');
}

describe('readJsonlRows', () => {
  it('yields one object per line, numbered by line, skipping blank lines and a BOM', async () => {
    const path = tmp.write('a.jsonl', '\uFEFF{"a":1}\n\n  \r\n{"a":"한국어"}\r\n{"a":3}');
    const rows = await collect(readJsonlRows(path, { source: 'a.jsonl' }));
    expect(rows).toEqual([
      { source: 'a.jsonl', row: 1, data: { a: 1 } },
      { source: 'a.jsonl', row: 4, data: { a: '한국어' } },
      { source: 'a.jsonl', row: 5, data: { a: 3 } },
    ]);
  });

  it('keeps multi-byte characters split across read chunks intact', async () => {
    const line = JSON.stringify({ text: '가'.repeat(400_000) });
    const path = tmp.write('big.jsonl', `${line}\n${line}\n`);
    const rows = await collect(readJsonlRows(path));
    expect(rows).toHaveLength(2);
    expect(rows[1]!.data.text).toBe('가'.repeat(400_000));
  });

  it('throws a DatasetError naming the source and line of a bad line', async () => {
    const path = tmp.write('bad.jsonl', '{"a":1}\n{"a":2}\n{"a":\n{"a":4}\n');
    const error = await failure(collect(readJsonlRows(path, { source: 'bad.jsonl' })));
    expect(error.source).toBe('bad.jsonl');
    expect(error.row).toBe(3);
    expect(error.message).toMatch(/invalid JSON/);
  });

  it('rejects a line that is not an object', async () => {
    const path = tmp.write('arr.jsonl', '{"a":1}\n[1,2]\n');
    const error = await failure(collect(readJsonlRows(path)));
    expect(error.row).toBe(2);
    expect(error.message).toMatch(/expected a JSON object, got an array/);
  });

  it('reports bad lines to onRowError and goes on', async () => {
    const path = tmp.write('skip.jsonl', '{"a":1}\nnot json\n{"a":3}\n');
    const errors: DatasetError[] = [];
    const rows = await collect(readJsonlRows(path, { onRowError: (e) => errors.push(e) }));
    expect(rows.map((r) => r.row)).toEqual([1, 3]);
    expect(errors.map((e) => e.row)).toEqual([2]);
  });

  it('throws a DatasetError for a missing file', async () => {
    const error = await failure(collect(readJsonlRows(`${tmp.dir}/missing.jsonl`)));
    expect(error.message).toMatch(/cannot read file/);
  });

  it('stops when the signal is aborted', async () => {
    const path = tmp.write('abort.jsonl', '{"a":1}\n');
    const controller = new AbortController();
    controller.abort(new Error('stop now'));
    await expect(collect(readJsonlRows(path, { signal: controller.signal }))).rejects.toThrow('stop now');
  });
});

describe('JsonArrayScanner', () => {
  it('splits elements whatever the chunk boundaries', () => {
    const text = '[\n {"a": "x,]}\\"", "b": [1, {"c": 2}]},\n {"a": 2}\n]\n';
    for (const size of [1, 2, 3, 7, text.length]) {
      const scanner = new JsonArrayScanner();
      const elements = [];
      for (let i = 0; i < text.length; i += size) elements.push(...scanner.push(text.slice(i, i + size)));
      scanner.end();
      expect(elements.map((e) => JSON.parse(e.text))).toEqual([{ a: 'x,]}"', b: [1, { c: 2 }] }, { a: 2 }]);
      expect(elements.map((e) => e.line)).toEqual([2, 3]);
    }
  });

  it('finds the data array of a wrapper object and ignores other members', () => {
    const scanner = new JsonArrayScanner();
    const elements = scanner.push('{"meta": {"data": [9]}, "data": [{"a": 1}, {"a": 2}], "other": [3]}');
    scanner.end();
    expect(elements.map((e) => e.text)).toEqual(['{"a": 1}', '{"a": 2}']);
  });

  it('rejects a document without a row array, and a truncated one', () => {
    expect(() => new JsonArrayScanner().push('"text"')).toThrow(/expected a JSON array/);
    const wrapper = new JsonArrayScanner();
    wrapper.push('{"rows": [1]}');
    expect(() => wrapper.end()).toThrow(/"data" array/);
    const truncated = new JsonArrayScanner();
    truncated.push('[{"a": 1}, {"a"');
    expect(() => truncated.end()).toThrow(/unexpected end/);
  });
});

describe('readJsonRows', () => {
  it('streams a pretty-printed array of objects', async () => {
    const path = tmp.write('arr.json', JSON.stringify([{ id: 'x' }, { id: 'y' }], null, 4));
    const rows = await collect(readJsonRows(path, { source: 'arr.json' }));
    expect(rows).toEqual([
      { source: 'arr.json', row: 1, data: { id: 'x' } },
      { source: 'arr.json', row: 2, data: { id: 'y' } },
    ]);
  });

  it('reads a { "data": [...] } wrapper', async () => {
    const path = tmp.write('wrapped.json', JSON.stringify({ version: 1, data: [{ id: 1 }] }));
    expect((await collect(readJsonRows(path))).map((r) => r.data)).toEqual([{ id: 1 }]);
  });

  it('names the element index and line of a malformed element; skips it with onRowError', async () => {
    const path = tmp.write('badel.json', '[\n{"a": 1},\n{"a": tru},\n{"a": 3}\n]');
    const error = await failure(collect(readJsonRows(path, { source: 'badel.json' })));
    expect(error.row).toBe(2);
    expect(error.message).toMatch(/line 3/);
    const errors: DatasetError[] = [];
    const rows = await collect(readJsonRows(path, { onRowError: (e) => errors.push(e) }));
    expect(rows.map((r) => r.row)).toEqual([1, 3]);
    expect(errors.map((e) => e.row)).toEqual([2]);
  });

  it('rejects non-object elements and broken structure', async () => {
    const scalar = tmp.write('scalar.json', '[{"a": 1}, 5]');
    expect((await failure(collect(readJsonRows(scalar)))).message).toMatch(/expected an object, got number/);
    const broken = tmp.write('broken.json', '[{"a": 1}');
    expect((await failure(collect(readJsonRows(broken)))).message).toMatch(/malformed JSON/);
  });
});

describe('readCsvRows', () => {
  it('parses a header, quoted multi-line fields and a BOM; rows exclude the header', async () => {
    const path = tmp.write(
      'q.csv',
      '\uFEFFquestion,answer\n"line one\nline two, with comma",a\n\n"say ""hi""",b\n',
    );
    const rows = await collect(readCsvRows(path, { source: 'q.csv' }));
    expect(rows).toEqual([
      { source: 'q.csv', row: 1, data: { question: 'line one\nline two, with comma', answer: 'a' } },
      { source: 'q.csv', row: 2, data: { question: 'say "hi"', answer: 'b' } },
    ]);
  });

  it('throws on a record with the wrong field count, after yielding the rows before it', async () => {
    const path = tmp.write('bad.csv', 'a,b\n1,2\n"x\ny",3\n4,5,6\n7,8\n');
    const seen: RawRow[] = [];
    const error = await failure(
      (async () => {
        for await (const row of readCsvRows(path, { source: 'bad.csv' })) seen.push(row);
      })(),
    );
    expect(seen.map((r) => r.row)).toEqual([1, 2]);
    expect(error.row).toBe(3);
    expect(error.source).toBe('bad.csv');
    expect(error.message).toMatch(/line 5/);
  });

  it('skips a malformed record with onRowError and keeps later row numbers', async () => {
    const path = tmp.write('bad2.csv', 'a,b\n1,2\n4,5,6\n7,8\n');
    const errors: DatasetError[] = [];
    const rows = await collect(readCsvRows(path, { onRowError: (e) => errors.push(e) }));
    expect(rows.map((r) => [r.row, r.data.a])).toEqual([
      [1, '1'],
      [3, '7'],
    ]);
    expect(errors.map((e) => e.row)).toEqual([2]);
  });
});

describeWithShared(
  'readParquetRows',
  ['data/benchhubplus/seed_leaderboard.parquet', 'data/benchhubplus/seed_leaderboard.csv'],
  () => {
    it('reads the same 4,528 rows as the CSV twin', async () => {
      const parquet = await collect(
        readParquetRows(sharedPath('data/benchhubplus/seed_leaderboard.parquet')),
      );
      const csv = await collect(readCsvRows(sharedPath('data/benchhubplus/seed_leaderboard.csv')));
      expect(parquet).toHaveLength(4528);
      expect(csv).toHaveLength(4528);
      expect(Object.keys(parquet[0]!.data).sort()).toEqual(
        ['language', 'model_name', 'score', 'subject_type', 'task_type'].sort(),
      );
      for (let i = 0; i < parquet.length; i++) {
        const p = parquet[i]!;
        const c = csv[i]!;
        expect(p.row).toBe(i + 1);
        expect(c.row).toBe(i + 1);
        for (const key of ['model_name', 'language', 'subject_type', 'task_type']) {
          expect(p.data[key], `${key} at row ${i + 1}`).toBe(c.data[key]);
        }
        expect(p.data.score as number).toBeCloseTo(Number(c.data.score), 12);
      }
    });

    it('wraps an unreadable file in a DatasetError', async () => {
      const path = tmp.write('not.parquet', 'this is not parquet');
      expect((await failure(collect(readParquetRows(path)))).message).toMatch(/cannot read Parquet/);
    });
  },
);

describe('openDatasetSource', () => {
  it('maps extensions to formats', () => {
    expect(fileFormatFromPath('x/train.NDJSON')).toBe('jsonl');
    expect(fileFormatFromPath('a.parquet')).toBe('parquet');
    expect(fileFormatFromPath('README.md')).toBeUndefined();
  });

  it('walks a directory recursively in code-point order, skipping non-data and hidden files', async () => {
    tmp.write('walk/b.jsonl', '{"f":"b"}\n');
    tmp.write('walk/A/z.csv', 'f\nAz\n');
    tmp.write('walk/a.json', '[{"f":"a"}]');
    tmp.write('walk/notes.md', '# not data');
    tmp.write('walk/.hidden.jsonl', '{"f":"hidden"}\n');
    const rows = await collect(openDatasetSource({ type: 'file', path: 'walk' }, { baseDir: tmp.dir }));
    expect(rows.map((r) => r.data.f)).toEqual(['Az', 'a', 'b']);
    expect(rows[0]!.source).toBe(`${tmp.dir}/walk/A/z.csv`);
  });

  it('reads a list of paths in the given order, with an explicit format', async () => {
    tmp.write('list/one.txt', '{"n":1}\n');
    tmp.write('list/two.txt', '{"n":2}\n');
    const rows = await collect(
      openDatasetSource(
        { type: 'file', path: ['list/two.txt', 'list/one.txt'], format: 'jsonl' },
        { baseDir: tmp.dir },
      ),
    );
    expect(rows.map((r) => r.data.n)).toEqual([2, 1]);
  });

  it('names a missing path and an unknown format', async () => {
    const missing = await failure(
      collect(openDatasetSource({ type: 'file', path: 'nope.jsonl' }, { baseDir: tmp.dir })),
    );
    expect(missing.message).toMatch(/not found/);
    tmp.write('plain.txt', 'x');
    const unknown = await failure(
      collect(openDatasetSource({ type: 'file', path: 'plain.txt' }, { baseDir: tmp.dir })),
    );
    expect(unknown.message).toMatch(/unknown file format/);
  });

  it('yields inline rows numbered from 1', async () => {
    const rows = await collect(openDatasetSource({ type: 'inline', rows: [{ q: 1 }, { q: 2 }] }));
    expect(rows).toEqual([
      { source: 'inline', row: 1, data: { q: 1 } },
      { source: 'inline', row: 2, data: { q: 2 } },
    ]);
  });

  it('delegates huggingface sources to the injected opener, and says when none is given', async () => {
    const spec = {
      type: 'huggingface' as const,
      dataset: 'BenchHub/BenchHub-Ko',
      config: 'default',
      split: 'train',
    };
    const seen: string[] = [];
    const rows = await collect(
      openDatasetSource(spec, {
        huggingface: async function* (s) {
          seen.push(`${s.dataset}:${s.split}`);
          yield { source: s.dataset, row: 1, data: { prompt: 'q' } };
        },
      }),
    );
    expect(seen).toEqual(['BenchHub/BenchHub-Ko:train']);
    expect(rows).toHaveLength(1);
    // Without an opener, the default Hub client is used: here against a closed local port.
    const error = await failure(collect(openDatasetSource({ ...spec, endpoint: 'http://127.0.0.1:9' })));
    expect(error.isRetryable).toBe(true);
    expect(error.message).toContain('BenchHub/BenchHub-Ko');
  });
});

describe('createDatasetSource', () => {
  it('exposes a source spec through the DatasetSourceV1 contract, reading afresh on each call', async () => {
    const source = createDatasetSource({ type: 'inline', rows: [{ q: 1 }] });
    expect(source.specificationVersion).toBe('v1');
    expect(source.id).toBe('inline');
    expect(await collect(source.rows())).toEqual(await collect(source.rows()));
    const controller = new AbortController();
    controller.abort(new Error('aborted read'));
    await expect(collect(source.rows({ signal: controller.signal }))).rejects.toThrow('aborted read');
    expect(createDatasetSource({ type: 'huggingface', dataset: 'a/b', config: 'c', split: 'd' }).id).toBe(
      'hub:a/b/c/d',
    );
  });
});
