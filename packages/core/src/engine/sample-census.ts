import { DatasetError } from '../errors/dataset-error.js';
import { FingerprintSet } from './fingerprint-set.js';
import type { DatasetRuntime, PreparedSample } from './prepare.js';

/** What a run has to do, counted before its first call. */
export interface SampleCensus {
  /** Samples across the evaluated datasets. */
  samples: number;
  /** (model, sample, repeat) items already stored by an earlier run of the task. */
  resumed: number;
}

/** The key of a stored item, as the run's `done` set holds it. */
export function itemKey(modelId: string, sampleId: string, repeat: number): string {
  return `${modelId}\u0000${sampleId}\u0000${repeat}`;
}

function samplesOf(dataset: DatasetRuntime): Iterable<PreparedSample> | AsyncIterable<PreparedSample> {
  return dataset.held ?? dataset.stream();
}

/** Throws the error of a sample id found in two places. */
function duplicateError(id: string, datasets: readonly string[]): DatasetError {
  const [first, second] = datasets;
  if (first === second) {
    return new DatasetError(`sample id "${id}" appears twice: ids must be unique (they key the results)`, {
      source: first!,
      field: 'id',
    });
  }
  return new DatasetError(
    `sample id "${id}" is in datasets "${first}" and "${second}": sample ids must be unique across a plan's datasets (they key the results); filter one of them or give the rows distinct ids`,
    { source: second!, field: 'id' },
  );
}

/**
 * Reads every evaluated dataset once before the run's first call (streamed ones from their source,
 * held ones from memory): it counts the samples and the items an earlier run already stored, checks that
 * sample ids are unique within and across datasets, and so surfaces a malformed row before any call is
 * paid for. Ids are checked by 64-bit fingerprints (8 bytes each); a repeated fingerprint is confirmed
 * by a second, exact pass over the few ids concerned.
 */
export async function takeSampleCensus(
  datasets: Iterable<DatasetRuntime>,
  modelIds: readonly string[],
  repeats: number,
  done: ReadonlySet<string>,
): Promise<SampleCensus> {
  const list = [...datasets];
  const seen = new FingerprintSet();
  const suspects = new Set<string>();
  const census: SampleCensus = { samples: 0, resumed: 0 };
  for (const dataset of list) {
    for await (const { sample } of samplesOf(dataset)) {
      census.samples++;
      if (!seen.add(sample.id)) suspects.add(sample.id);
      if (done.size === 0) continue;
      for (const modelId of modelIds) {
        for (let r = 0; r < repeats; r++) if (done.has(itemKey(modelId, sample.id, r))) census.resumed++;
      }
    }
  }
  if (suspects.size === 0) return census;
  const places = new Map<string, string[]>();
  for (const dataset of list) {
    for await (const { sample } of samplesOf(dataset)) {
      if (!suspects.has(sample.id)) continue;
      const found = places.get(sample.id);
      if (found === undefined) places.set(sample.id, [dataset.name]);
      else throw duplicateError(sample.id, [found[0]!, dataset.name]);
    }
  }
  return census;
}
