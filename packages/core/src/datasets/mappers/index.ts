import type { RowFormat } from '../spec.js';
import { mapBenchHubRow } from './benchhub.js';
import { mapClickRow } from './click.js';
import { mapHaeraeRow } from './haerae.js';
import { mapKmmluRow } from './kmmlu.js';
import { mapMmluRow } from './mmlu.js';
import type { RowMapper } from './types.js';

/** The row mapper of each row format. */
export const ROW_MAPPERS: Readonly<Record<RowFormat, RowMapper>> = {
  benchhub: mapBenchHubRow,
  click: mapClickRow,
  haerae: mapHaeraeRow,
  mmlu: mapMmluRow,
  kmmlu: mapKmmluRow,
};

export { resolveAnswerIndex } from './answer.js';
export { mapBenchHubRow } from './benchhub.js';
export { CLICK_SUBJECTS, mapClickRow } from './click.js';
export { mapHaeraeRow } from './haerae.js';
export { mapKmmluRow } from './kmmlu.js';
export { parseListLiteral } from './list-literal.js';
export { mapMmluRow, mmluSubjectFromFile } from './mmlu.js';
export type { LabelDefaults, RowMapper, RowMapperContext } from './types.js';
