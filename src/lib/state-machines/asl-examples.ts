/**
 * The example execution the step-through player starts from: the input and, per scenario, what each Task state
 * returns. A note gives it in a ```json asl-example block right after its state machine; the reader can edit it.
 */
import { z } from 'astro/zod';
import type { JsonObject, JsonValue } from './asl-types.ts';
import { subMachines } from './asl-describe.ts';

export interface AslExample {
  input: JsonValue;
  /** At least one, the first is where the player starts: a button text, and each Task state's result (or error). */
  scenarios: { label: string; mocks: JsonObject }[];
}

const exampleSchema = z.object({
  input: z.json(),
  scenarios: z.array(z.object({ label: z.string().min(1), mocks: z.record(z.string(), z.json()) })).min(1),
});

/** A note's example for `definition`, or what is wrong with it as `field: message` lines. */
export function readExample(value: unknown, definition: unknown): { example: AslExample } | { problems: string[] } {
  const parsed = exampleSchema.safeParse(value);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`) };
  }
  // Every scenario mocks exactly the Task states, so each one runs to its end.
  const tasks = taskStates(definition).sort().join(', ');
  const problems = parsed.data.scenarios.flatMap(({ mocks }, index) =>
    Object.keys(mocks).sort().join(', ') === tasks
      ? []
      : [`scenarios.${index}.mocks: must give a result for each Task state and no other: ${tasks}`],
  );
  return problems.length > 0 ? { problems } : { example: parsed.data as AslExample };
}

/** The names of the Task states of a validated machine at any depth (in Parallel branches and Map item processors). */
export function taskStates(machine: unknown): string[] {
  const states = Object.entries((machine as { States: Record<string, Record<string, unknown>> }).States);
  return states.flatMap(([name, state]) => [
    ...(state.Type === 'Task' ? [name] : []),
    ...subMachines(state).flatMap((sub) => taskStates(sub.machine)),
  ]);
}
