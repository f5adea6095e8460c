import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../src/rate-limit/token-bucket.js';

describe('TokenBucket', () => {
  it('starts full, refills continuously and never beyond capacity', () => {
    const bucket = new TokenBucket(10, 1 / 100, 0); // 10 per second
    expect(bucket.level(0)).toBe(10);
    bucket.take(10);
    expect(bucket.waitMs(1, 0)).toBeCloseTo(100);
    expect(bucket.level(250)).toBeCloseTo(2.5);
    expect(bucket.waitMs(3, 250)).toBeCloseTo(50);
    expect(bucket.level(100_000)).toBe(10);
  });

  it('lets a cost above capacity through once full, leaving debt', () => {
    const bucket = new TokenBucket(10, 1 / 100, 0);
    expect(bucket.waitMs(25, 0)).toBe(0);
    bucket.take(25);
    expect(bucket.level(0)).toBe(-15);
    expect(bucket.waitMs(1, 0)).toBeCloseTo(1_600);
  });

  it('adjust refunds up to capacity and charges into debt', () => {
    const bucket = new TokenBucket(10, 1 / 100, 0);
    bucket.take(8);
    bucket.adjust(5);
    expect(bucket.level(0)).toBe(7);
    bucket.adjust(100);
    expect(bucket.level(0)).toBe(10);
    bucket.adjust(-12);
    expect(bucket.level(0)).toBe(-2);
  });
});
