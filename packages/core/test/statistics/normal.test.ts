import { describe, expect, it } from 'vitest';
import { criticalZ, erfc, normalCdf, normalQuantile } from '../../src/statistics/normal.js';

// Reference values: scipy.stats.norm / scipy.special.erfc (independent implementations, Cephes).
describe('normalQuantile (Wichura AS 241)', () => {
  it.each([
    [0.975, 1.959963984540054],
    [0.995, 2.5758293035489004],
    [0.95, 1.6448536269514722],
    [0.3, -0.5244005127080409],
    [0.6, 0.2533471031357997],
    [0.02425, -1.972961051311885],
    [0.001, -3.090232306167813],
    [1e-5, -4.264890793922825],
    [1e-10, -6.361340902404056],
    [1e-20, -9.262340089798409],
    [1e-300, -37.0470962993612],
    [0.999999, 4.753424308817087],
  ])('Φ⁻¹(%s) = %s', (p, z) => {
    expect(Math.abs(normalQuantile(p) - z)).toBeLessThanOrEqual(2e-15 * Math.max(1, Math.abs(z)));
  });

  it('is 0 at ½, antisymmetric, and infinite at 0 and 1', () => {
    expect(normalQuantile(0.5)).toBe(0);
    for (const p of [0.01, 0.2, 0.4, 1e-7]) expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 9);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
  });

  it('rejects values that are not probabilities', () => {
    for (const p of [-0.1, 1.1, Number.NaN]) expect(() => normalQuantile(p)).toThrow(/probability/);
  });

  it('criticalZ gives two-sided critical values and rejects impossible levels', () => {
    expect(criticalZ(0.95)).toBeCloseTo(1.959963984540054, 14);
    expect(criticalZ(0.9)).toBeCloseTo(1.6448536269514722, 14);
    expect(criticalZ(0.99)).toBeCloseTo(2.5758293035489004, 14);
    expect(() => criticalZ(1)).toThrow(/confidenceLevel/);
    expect(() => criticalZ(0)).toThrow(/confidenceLevel/);
  });
});

describe('normalCdf and erfc', () => {
  it.each([
    [1, 0.8413447460685429],
    [-1.5, 0.06680720126885807],
    [-3, 0.0013498980316300933],
    [-5, 2.866515718791933e-7],
    [-8, 6.22096057427174e-16],
    [0, 0.5],
  ])('Φ(%s) = %s to 1e-13 relative', (x, p) => {
    expect(Math.abs(normalCdf(x) - p) / p).toBeLessThan(1e-13);
  });

  it.each([
    [0.5, 0.4795001221869535],
    [1, 0.15729920705028516],
    [2, 0.004677734981047266],
    [3, 2.2090496998585445e-5],
    [6, 2.1519736712498913e-17],
    [20, 5.395865611607901e-176],
  ])('erfc(%s) = %s to 1e-14 relative', (x, v) => {
    expect(Math.abs(erfc(x) - v) / v).toBeLessThan(1e-14);
  });

  it('inverts normalQuantile', () => {
    for (const p of [1e-12, 0.001, 0.05, 0.3, 0.5, 0.8, 0.975, 0.9999]) {
      expect(normalCdf(normalQuantile(p)) / p).toBeCloseTo(1, 12);
    }
  });
});
