/**
 * Amazon States Language helpers for the Step Functions notes: validation, diagram layout, SVG rendering and a
 * step-through interpreter for learning.
 */
export * from './asl-types.ts';
export { validateAsl, transitionTargets } from './asl-validate.ts';
export { CHOICE_OPERATORS as ASL_CHOICE_OPERATORS } from './asl-describe.ts';
export { layoutAsl, type AslLayoutOptions } from './asl-layout.ts';
export { renderAslSvg, describeAslFlow, escapeXml, type AslSvgOptions } from './asl-svg.ts';
export { createExecution, type AslExecution, type AslExecutionOptions } from './asl-interpreter.ts';
export { errorMatches } from './asl-task.ts';
export { evaluateChoiceRule, stringMatches } from './asl-choice.ts';
export { describeChoiceRule, shortResource } from './asl-describe.ts';
export {
  AslStatesError,
  SUPPORTED_INTRINSICS,
  applyPayloadTemplate,
  evaluateIntrinsic,
  readPath,
  setResultPath,
} from './asl-jsonpath.ts';
