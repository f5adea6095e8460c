/**
 * Notebook-style script: build a plan in code, evaluate a model you write as a function (any `fetch` to
 * your own endpoint works the same way) next to a baseline, and print each score with its confidence
 * interval. Run: `npx tsx examples/scripts/evaluate-in-code.ts`.
 */
import { createBaselineProvider, createFunctionProvider, definePlan, evaluate } from '@benchhub/core';

const plan = definePlan({
  name: 'in-code example',
  models: [
    { id: 'my-model', provider: 'function', model: 'prefers-seoul' },
    { id: 'random', provider: 'baseline', model: 'random-choice' },
  ],
  datasets: [
    {
      name: 'capitals',
      source: {
        type: 'inline',
        rows: [
          { prompt: '대한민국의 수도는?', options: ['부산', '서울', '대구', '광주'], answer: '서울' },
          { prompt: '일본의 수도는?', options: ['오사카', '교토', '도쿄', '삿포로'], answer: '도쿄' },
          { prompt: '프랑스의 수도는?', options: ['파리', '리옹', '마르세유', '니스'], answer: '파리' },
          { prompt: '영국의 수도는?', options: ['맨체스터', '리버풀', '에든버러', '런던'], answer: '런던' },
        ],
      },
      defaults: { language: 'ko', subjectType: ['HASS/Geography'], taskType: 'Knowledge' },
    },
  ],
  prompt: { template: 'mcqa' },
});

// A "model" that answers B whenever the options mention 서울, and A otherwise.
const myModel = createFunctionProvider((request) => {
  const text =
    typeof request.prompt === 'string' ? request.prompt : request.prompt.map((m) => m.content).join('\n');
  return text.includes('서울') ? 'B' : 'A';
});

const result = await evaluate(plan, {
  providers: { 'my-model': myModel, random: createBaselineProvider('random-choice') },
});
for (const s of result.aggregates) {
  const ci = s.ci ? `[${s.ci.lower.toFixed(2)}, ${s.ci.upper.toFixed(2)}]` : '';
  console.log(`${s.modelId} ${s.metric} = ${s.value?.toFixed(2)} ${ci} (n ${s.n}, errors ${s.errors})`);
}
