import { describe, expect, it } from 'vitest';
import { BudgetLedger, costUsd, estimateTokens, findPrice } from '../../src/engine/index.js';

describe('prices, token estimates and the budget ledger', () => {
  it('finds a price by model id, provider:model, name, then name prefix, options first', () => {
    const model = { id: 'mini', provider: 'openai', model: 'gpt-4o-mini-2024-07-18' };
    expect(findPrice(model)).toEqual({ inputPerMTok: 0.15, outputPerMTok: 0.6 });
    expect(findPrice(model, { mini: { inputPerMTok: 1, outputPerMTok: 2 } })).toEqual({
      inputPerMTok: 1,
      outputPerMTok: 2,
    });
    expect(findPrice({ id: 'x', provider: 'openai', model: 'gpt-4o' })?.inputPerMTok).toBe(2.5);
    expect(findPrice({ id: 'x', provider: 'local', model: 'llama' })).toBeUndefined();
    expect(() => findPrice(model, { mini: { inputPerMTok: -1, outputPerMTok: 0 } })).toThrow(
      /price of "mini"/,
    );
  });

  it('computes cost per million tokens', () => {
    expect(costUsd({ inputPerMTok: 0.15, outputPerMTok: 0.6 }, 1_000, 200)).toBeCloseTo(0.00027, 12);
  });

  it('estimates tokens generously for Hangul', () => {
    expect(estimateTokens('What is the capital of Korea?')).toBe(8);
    // 8 Hangul syllables at one token each, plus 2 ASCII characters (a space and '?') rounded up to 1.
    expect(estimateTokens('대한민국의 수도는?')).toBe(9);
    expect(estimateTokens('')).toBe(0);
  });

  it('never lets spent plus reserved pass the cap', () => {
    const ledger = new BudgetLedger(1);
    expect(ledger.tryReserve(0.6)).toBe(true);
    expect(ledger.tryReserve(0.5)).toBe(false);
    ledger.settle(0.6, 0.2);
    expect(ledger.spentUsd).toBeCloseTo(0.2, 12);
    expect(ledger.reservedUsd).toBe(0);
    expect(ledger.tryReserve(0.8)).toBe(true);
    expect(() => new BudgetLedger(Number.NaN)).toThrow(/budgetUsd/);
  });
});
