import { BenchHubError } from '../errors/benchhub-error.js';

// Coefficients of Wichura's algorithm AS 241 (PPND16), Applied Statistics 37(3), 1988: rational
// approximations of the normal quantile, accurate to about 1e-16 relative error.
const CENTRAL_NUM = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987,
  67265.7709270087, 33430.57558358813, 2509.0809287301227,
] as const;
const CENTRAL_DEN = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271,
  28729.085735721943, 5226.495278852854,
] as const;
const NEAR_NUM = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684,
  0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
] as const;
const NEAR_DEN = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457,
  0.0005475938084995345, 1.0507500716444169e-9,
] as const;
const FAR_NUM = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124,
  0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7,
] as const;
const FAR_DEN = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
  0.000018463183175100548, 1.421511758316446e-7, 2.0442631033899397e-15,
] as const;

function polynomial(coefficients: readonly number[], x: number): number {
  let sum = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) sum = sum * x + (coefficients[i] ?? 0);
  return sum;
}

/**
 * The quantile function (inverse CDF) of the standard normal distribution: the `z` with `Φ(z) = p`.
 * Wichura's algorithm AS 241 (1988), accurate to about 16 significant digits over (0, 1).
 * `p` = 0 gives `-Infinity`, `p` = 1 gives `Infinity`; a `p` outside [0, 1] (or NaN) is an error.
 *
 * @example
 * ```ts
 * normalQuantile(0.975); // 1.959963984540054
 * normalQuantile(0.5);   // 0
 * ```
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) {
    throw new BenchHubError(`normalQuantile: p must be a probability in [0, 1], got ${p}`);
  }
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(CENTRAL_NUM, r)) / polynomial(CENTRAL_DEN, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let z: number;
  if (r <= 5) {
    r -= 1.6;
    z = polynomial(NEAR_NUM, r) / polynomial(NEAR_DEN, r);
  } else {
    r -= 5;
    z = polynomial(FAR_NUM, r) / polynomial(FAR_DEN, r);
  }
  return q < 0 ? -z : z;
}

/**
 * The two-sided critical value of the standard normal for a confidence level: `z` with
 * `P(-z < Z < z) = level`, i.e. `normalQuantile((1 + level) / 2)`.
 *
 * @example
 * ```ts
 * criticalZ(0.95); // 1.959963984540054
 * criticalZ(0.99); // 2.5758293035489004
 * ```
 */
export function criticalZ(level: number): number {
  assertLevel(level, 'criticalZ');
  return normalQuantile((1 + level) / 2);
}

/** Throws unless `level` is a confidence level strictly between 0 and 1. */
export function assertLevel(level: number, where: string): void {
  if (!(level > 0 && level < 1)) {
    throw new BenchHubError(`${where}: confidenceLevel must be strictly between 0 and 1, got ${level}`);
  }
}

const SQRT_PI = Math.sqrt(Math.PI);
const CONTINUED_FRACTION_FROM = 1.0;

/**
 * The complementary error function `erfc(x) = 1 - erf(x)`, to about 15 significant digits: a
 * positive-term series `erf(x) = 2/√π · e^(-x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1))` below 1, and the
 * Laplace continued fraction of `erfc` (evaluated by Lentz's method) above.
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < CONTINUED_FRACTION_FROM) {
    const x2 = x * x;
    let term = x;
    let sum = x;
    for (let n = 1; n < 200; n++) {
      term *= (2 * x2) / (2 * n + 1);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return 1 - (2 / SQRT_PI) * Math.exp(-x2) * sum;
  }
  if (x > 27) return 0;
  // erfc(x) = e^(-x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated with modified Lentz.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = x + a * d;
    d = d === 0 ? tiny : 1 / d;
    c = x + a / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / SQRT_PI / f;
}

/**
 * The CDF of the standard normal distribution, `Φ(x) = erfc(-x/√2) / 2`, accurate to about 15
 * significant digits in both tails.
 *
 * @example
 * ```ts
 * normalCdf(1.959963984540054); // 0.975
 * normalCdf(-3);                // 0.0013498980316301
 * ```
 */
export function normalCdf(x: number): number {
  return erfc(-x / Math.SQRT2) / 2;
}
