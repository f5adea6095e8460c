import { readFileSync } from 'node:fs';
import type { Sample } from '../../src/domain/sample.js';

/** A minimal sample with the given fields. */
export function sample(fields: Partial<Sample> = {}): Sample {
  return {
    id: 's1',
    question: 'Q?',
    metadata: { language: 'en', subjectType: ['STEM/Math'] },
    ...fields,
  };
}

/** Reads a JSON fixture of this folder. */
export function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as T;
}
