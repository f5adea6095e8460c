export {
  type BuiltinMetricAggregation,
  type DefineMetricOptions,
  defineMetric,
  type MetricAggregateFunction,
} from './define-metric.js';
export { meanWithStderr } from './mean-aggregate.js';
