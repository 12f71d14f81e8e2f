/** Amazon States Language helpers: validation, diagram layout and SVG, and a step-through interpreter. */
export * from './asl-types.ts';
export { validateAsl } from './asl-validate.ts';
export { layoutAsl } from './asl-layout.ts';
export { renderAslSvg, describeAslFlow } from './asl-svg.ts';
export { runExecution, unsupportedFeatures, type AslExecution } from './asl-interpreter.ts';
export { evaluateChoiceRule } from './asl-choice.ts';
export { describeChoiceRule } from './asl-describe.ts';
export { AslStatesError, evaluateIntrinsic, readPath, setResultPath } from './asl-jsonpath.ts';
