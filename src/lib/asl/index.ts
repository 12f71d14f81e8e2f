/**
 * Amazon States Language helpers for the Step Functions notes: validation, diagram layout, SVG rendering and a
 * step-through interpreter for learning.
 */
export * from './asl-types';
export { validateAsl, transitionTargets, ASL_CHOICE_OPERATORS } from './asl-validate';
export { layoutAsl, type AslLayoutOptions } from './asl-layout';
export { renderAslSvg, describeAslFlow, escapeXml, type AslSvgOptions } from './asl-svg';
export {
  createExecution,
  evaluateChoiceRule,
  errorMatches,
  stringMatches,
  type AslExecution,
  type AslExecutionOptions,
} from './asl-interpreter';
export { describeChoiceRule, shortResource } from './asl-describe';
export {
  AslStatesError,
  SUPPORTED_INTRINSICS,
  applyPayloadTemplate,
  evaluateIntrinsic,
  parseReferencePath,
  readPath,
  setResultPath,
} from './asl-jsonpath';
