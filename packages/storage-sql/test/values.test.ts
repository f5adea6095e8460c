import { createCredentialCipher } from '@benchhub/core';
import { describe, expect, it } from 'vitest';
import { decodeSealed, encodeSealed, primaryScore } from '../src/index.js';
import { coarseSubjectOf } from '../src/leaderboard/entry-rows.js';

describe('primaryScore', () => {
  it('takes accuracy when present, else the first metric, else null', () => {
    expect(primaryScore({ f1: 0.5, accuracy: 1 })).toBe(1);
    expect(primaryScore({ accuracy: null, f1: 0.5 })).toBeNull();
    expect(primaryScore({ f1: 0.25, bleu: 3 })).toBe(0.25);
    expect(primaryScore({})).toBeNull();
  });
});

describe('coarseSubjectOf', () => {
  it('keeps the first level of a subject', () => {
    expect(coarseSubjectOf('HASS/History')).toBe('HASS');
    expect(coarseSubjectOf('Social Intelligence/Value/Alignment')).toBe('Social Intelligence');
    expect(coarseSubjectOf('Tech.')).toBe('Tech.');
  });
});

describe('sealed credential text', () => {
  it('round-trips a sealed value and never holds the plain text', () => {
    const cipher = createCredentialCipher();
    const text = encodeSealed(cipher.seal('openai', 'sk-secret-키'));
    expect(text).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(text).not.toContain('sk-secret');
    expect(cipher.open('openai', decodeSealed(text, 'openai'))).toBe('sk-secret-키');
  });

  it('rejects text in another format, naming the credential', () => {
    expect(() => decodeSealed('sk-plain', 'openai')).toThrow(/credential "openai".*unknown format/);
    expect(() => decodeSealed('v2.a.b.c', 'openai')).toThrow(/unknown format/);
  });
});
