import { describe, expect, it } from 'vitest';
import { createBaselineProvider } from '../../src/providers/baseline-provider.js';

const prompt = (n: number, question = 'Which?') =>
  `${question}\n${Array.from({ length: n }, (_, i) => `${String.fromCharCode(65 + i)}. option ${i}`).join('\n')}\n정답:`;

describe('createBaselineProvider', () => {
  it('random-choice answers one of the prompt letters, reproducibly, near chance overall', async () => {
    const model = createBaselineProvider('random-choice', { seed: 3 });
    const counts = new Map<string, number>();
    for (let i = 0; i < 400; i++) {
      const { text } = await model.generate({ prompt: prompt(4, `Question ${i}?`) });
      counts.set(text, (counts.get(text) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(['A', 'B', 'C', 'D']);
    for (const n of counts.values()) expect(n).toBeGreaterThan(60); // each letter ≈ 100 of 400
    const again = createBaselineProvider('random-choice', { seed: 3 });
    expect((await again.generate({ prompt: prompt(4, 'Question 7?') })).text).toBe(
      (await model.generate({ prompt: prompt(4, 'Question 7?') })).text,
    );
  });

  it('reads lettered options in chat messages and (A)-style lists; first-choice picks the first', async () => {
    const messages = [
      { role: 'system' as const, content: 'Answer with a letter.' },
      { role: 'user' as const, content: 'Q?\n(A) x\n(B) y\n(C) z' },
    ];
    expect(['A', 'B', 'C']).toContain(
      (await createBaselineProvider('random-choice').generate({ prompt: messages })).text,
    );
    expect((await createBaselineProvider('first-choice').generate({ prompt: messages })).text).toBe('A');
    expect((await createBaselineProvider('first-choice').generate({ prompt: 'no options here' })).text).toBe(
      '',
    );
    expect(createBaselineProvider('first-choice').providerId).toBe('baseline');
  });

  it('refuses unknown baseline names', () => {
    expect(() => createBaselineProvider('gpt-4o')).toThrow(/random-choice, first-choice/);
  });
});
