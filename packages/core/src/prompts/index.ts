export * from './builtin/index.js';
export { type ChatMessageOptions, toChatMessages, toCompletionPrompt } from './chat.js';
export {
  type CompiledTemplate,
  type CompileTemplateOptions,
  compileTemplate,
  isTemplateTruthy,
  LOOP_TEMPLATE_FIELDS,
} from './compile-template.js';
export { type FewShotSelection, renderFewShot, selectFewShot } from './few-shot.js';
export { optionLetter, optionLetters } from './option-letters.js';
export {
  type FewShotTurn,
  type PromptTemplate,
  type RenderedPrompt,
  renderSample,
  renderWithExamples,
  resolveTarget,
} from './prompt-template.js';
export {
  createPromptRenderer,
  type PromptRendererOptions,
  type PromptRendering,
  type PromptSpecInput,
  renderPrompt,
  resolvePromptTemplate,
} from './render-prompt.js';
export { SAMPLE_TEMPLATE_FIELDS, sampleTemplateScope } from './sample-scope.js';
export * from './spec.js';
export type {
  FilterArgument,
  FilterCall,
  PathSegment,
  TemplateExpression,
  TemplateNode,
} from './template-ast.js';
export { TemplateError, type TemplateErrorOptions, type TemplatePosition } from './template-error.js';
export { TEMPLATE_FILTERS, type TemplateFilter } from './template-filters.js';
export { parseTemplate } from './template-parser.js';
export { templateFromSource, type UserTemplateOptions } from './user-template.js';
