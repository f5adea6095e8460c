import { BenchHubError } from '../../errors/benchhub-error.js';

/** A class label: a string, or an integer (scikit-learn treats fractional numbers as continuous targets). */
export type ClassLabel = string | number;

function describeLabel(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** Compares strings by Unicode code point, as NumPy sorts strings (UTF-16 order differs above U+FFFF). */
function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const ca = ia.next();
    const cb = ib.next();
    if (ca.done === true) return cb.done === true ? 0 : -1;
    if (cb.done === true) return 1;
    const diff = (ca.value.codePointAt(0) as number) - (cb.value.codePointAt(0) as number);
    if (diff !== 0) return diff;
  }
}

/** Orders labels as scikit-learn's `unique_labels`: numbers ascending, strings by code point. */
export function compareLabels(a: ClassLabel, b: ClassLabel): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareCodePoints(String(a), String(b));
}

/** Checks one array of labels and returns which kind it holds (`undefined` when empty). */
function labelKind(values: readonly unknown[], what: string): 'string' | 'number' | undefined {
  let kind: 'string' | 'number' | undefined;
  for (const [i, value] of values.entries()) {
    let k: 'string' | 'number';
    if (typeof value === 'string') k = 'string';
    else if (typeof value === 'number' && Number.isInteger(value)) k = 'number';
    else if (typeof value === 'number') {
      throw new BenchHubError(
        `${what}[${i}] is ${value}: class labels are strings or integers (a fractional number is a continuous target, which classification metrics do not handle)`,
      );
    } else {
      throw new BenchHubError(
        `${what}[${i}] is ${value === null ? 'null' : typeof value}: class labels are strings or integers`,
      );
    }
    if (kind !== undefined && k !== kind) {
      throw new BenchHubError(
        `${what} mixes label types (string and number) at [${i}] (${describeLabel(value)}); use one type for every label`,
      );
    }
    kind = k;
  }
  return kind;
}

/** The classification task of a pair of label arrays, as scikit-learn's `_check_targets` names it. */
export type TargetType = 'binary' | 'multiclass';

/** The validated inputs of a classification metric. */
export interface CheckedTargets {
  /** `binary` when at most two distinct labels occur in `yTrue` and `yPred` together. */
  type: TargetType;
  /** The distinct labels of both arrays, sorted (scikit-learn's `unique_labels`). */
  presentLabels: ClassLabel[];
}

/**
 * Checks that `yTrue` and `yPred` are label arrays of the same length and of one label type,
 * and that `sampleWeight` (when given) has one finite weight per sample.
 */
export function checkTargets(
  fn: string,
  yTrue: readonly ClassLabel[],
  yPred: readonly ClassLabel[],
  sampleWeight?: readonly number[],
): CheckedTargets {
  if (!Array.isArray(yTrue) || !Array.isArray(yPred)) {
    throw new BenchHubError(`${fn}: yTrue and yPred must be arrays of labels`);
  }
  if (yTrue.length !== yPred.length) {
    throw new BenchHubError(
      `${fn}: yTrue has ${yTrue.length} labels but yPred has ${yPred.length}; give one prediction per sample`,
    );
  }
  const trueKind = labelKind(yTrue, `${fn}: yTrue`);
  const predKind = labelKind(yPred, `${fn}: yPred`);
  if (trueKind !== predKind) {
    throw new BenchHubError(
      `${fn}: yTrue holds ${trueKind} labels but yPred holds ${predKind} labels; labels must be of the same type`,
    );
  }
  if (sampleWeight !== undefined) checkSampleWeight(fn, sampleWeight, yTrue.length);
  const presentLabels = uniqueLabels(yTrue, yPred);
  return { type: presentLabels.length > 2 ? 'multiclass' : 'binary', presentLabels };
}

function checkSampleWeight(fn: string, sampleWeight: readonly number[], n: number): void {
  if (!Array.isArray(sampleWeight) || sampleWeight.length !== n) {
    const got = Array.isArray(sampleWeight) ? `${sampleWeight.length} weights` : typeof sampleWeight;
    throw new BenchHubError(`${fn}: sampleWeight must have one weight per sample (${n}), got ${got}`);
  }
  for (const [i, w] of sampleWeight.entries()) {
    if (typeof w !== 'number' || !Number.isFinite(w)) {
      throw new BenchHubError(`${fn}: sampleWeight[${i}] is ${String(w)}, not a finite number`);
    }
  }
}

/** Checks user-given `labels` against the type of the data's labels. */
export function checkLabelOption(
  fn: string,
  labels: readonly ClassLabel[],
  presentLabels: readonly ClassLabel[],
): void {
  if (!Array.isArray(labels)) throw new BenchHubError(`${fn}: labels must be an array`);
  const kind = labelKind(labels, `${fn}: labels`);
  const dataKind = presentLabels.length === 0 ? undefined : typeof presentLabels[0];
  if (kind !== undefined && dataKind !== undefined && kind !== dataKind) {
    throw new BenchHubError(`${fn}: labels holds ${kind} labels but the data holds ${dataKind} labels`);
  }
}

/**
 * The distinct labels of the arrays in sorted order (numbers ascending, strings by code point), as
 * scikit-learn's `unique_labels`; the row and column order of `confusionMatrix` by default.
 *
 * @example
 * ```ts
 * uniqueLabels(['cat', 'dog'], ['pig', 'cat']); // ['cat', 'dog', 'pig']
 * ```
 */
export function uniqueLabels(...arrays: readonly (readonly ClassLabel[])[]): ClassLabel[] {
  const seen = new Set<ClassLabel>();
  for (const array of arrays) for (const label of array) seen.add(label);
  return [...seen].sort(compareLabels);
}
