export { COARSE_SUBJECTS, type CoarseSubject, FINE_SUBJECTS } from './categories.js';
export { PAPER_SUBJECTS, type PaperCoarseSubject, type PaperFineSubject } from './paper-subjects.js';
export {
  anySubjectMatches,
  coarseSubject,
  describeSubject,
  isCoarseSubject,
  listSubjects,
  resolveSubject,
  subjectCandidates,
  subjectMatches,
} from './resolve.js';
export { SubjectSchema, unknownSubjectMessage } from './schema.js';
export { subjectKey } from './subject-index.js';
export { closestSubject } from './suggest.js';
export { normalizeTaskType, TASK_TYPES, type TaskType } from './task-types.js';
