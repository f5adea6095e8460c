export { normalizeSquadAnswer } from './normalize-answer.js';
export { squadExactMatchMetric, squadF1Metric } from './squad-metrics.js';
export {
  type SquadCorpusScore,
  type SquadGroundTruths,
  squadCorpus,
  squadExactMatch,
  squadF1,
} from './squad-scores.js';
