import type { Sample } from '../domain/sample.js';

/**
 * A few small samples covering the shapes the engine handles: Korean MCQA, English MCQA and English
 * open-ended. Frozen; copy before changing. Meant for unit tests and, later, the conformance suites.
 *
 * @example
 * ```ts
 * const [koMcqa] = fixtureSamples;
 * await provider.generate({ prompt: koMcqa!.question });
 * ```
 */
export const fixtureSamples: readonly Sample[] = Object.freeze([
  Object.freeze({
    id: 'fixture-ko-history-1',
    question: '조선을 건국한 인물은 누구인가?',
    choices: ['이성계', '왕건', '김유신', '세종'],
    answerIndex: 0,
    answer: '이성계',
    metadata: {
      language: 'ko',
      subjectType: ['HASS/History'],
      taskType: 'Knowledge',
      targetType: 'Cultural',
      problemType: 'MCQA',
      benchmarkName: 'fixture',
    },
  }),
  Object.freeze({
    id: 'fixture-en-science-1',
    question: 'Which gas do plants take in for photosynthesis?',
    choices: ['Oxygen', 'Carbon dioxide', 'Nitrogen', 'Helium'],
    answerIndex: 1,
    answer: 'Carbon dioxide',
    metadata: {
      language: 'en',
      subjectType: ['Science/Biology'],
      taskType: 'Knowledge',
      targetType: 'General',
      problemType: 'MCQA',
      benchmarkName: 'fixture',
    },
  }),
  Object.freeze({
    id: 'fixture-en-open-1',
    question: 'What is the capital of France?',
    answer: 'Paris',
    references: ['Paris', 'Paris, France'],
    metadata: {
      language: 'en',
      subjectType: ['HASS/Geography'],
      taskType: 'Knowledge',
      targetType: 'General',
      problemType: 'open-ended',
      benchmarkName: 'fixture',
    },
  }),
]);
