/**
 * Example executions for the state machines in the notes: the input an execution starts with and, per
 * scenario, what each Task state returns. The step-through player starts from these, and the reader can
 * edit them.
 */
import type { JsonObject, JsonValue } from './asl-types.ts';
import { isRecord } from './asl-describe.ts';

export interface AslScenario {
  /** The button text, e.g. `Accuracy 0.95`. */
  label: string;
  /** Task state name → its result, or `{ "error": ..., "cause": ... }` for a failure. */
  mocks: JsonObject;
}

export interface AslExample {
  input: JsonValue;
  /** At least one; the first is the one the player starts with. */
  scenarios: AslScenario[];
}

const ARTIFACTS = 's3://amzn-s3-demo-bucket/models/example-execution/output/model.tar.gz';

/** Results of the ML pipeline's Tasks, with the evaluation returning `accuracy`. */
function mlPipelineMocks(accuracy: number): JsonObject {
  return {
    TrainModel: {
      TrainingJobName: 'example-execution',
      TrainingJobArn: 'arn:aws:sagemaker:eu-west-1:111122223333:training-job/example-execution',
      TrainingJobStatus: 'Completed',
      ModelArtifacts: { S3ModelArtifacts: ARTIFACTS },
    },
    EvaluateModel: { StatusCode: 200, Payload: { accuracy } },
    CreateModel: { ModelArn: 'arn:aws:sagemaker:eu-west-1:111122223333:model/example-execution' },
    CreateEndpointConfig: {
      EndpointConfigArn: 'arn:aws:sagemaker:eu-west-1:111122223333:endpoint-config/example-execution',
    },
    CreateEndpoint: { EndpointArn: 'arn:aws:sagemaker:eu-west-1:111122223333:endpoint/churn-model' },
  };
}

/** The Step Functions note's train → evaluate → deploy pipeline, started by an S3 "Object Created" event. */
const mlPipeline: AslExample = {
  input: {
    version: '0',
    id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
    'detail-type': 'Object Created',
    source: 'aws.s3',
    account: '111122223333',
    time: '2024-08-01T09:30:00Z',
    region: 'eu-west-1',
    resources: ['arn:aws:s3:::amzn-s3-demo-bucket'],
    detail: {
      version: '0',
      bucket: { name: 'amzn-s3-demo-bucket' },
      object: { key: 'training/churn-2024-08.csv', size: 5242880 },
      reason: 'PutObject',
    },
  },
  scenarios: [
    { label: 'Accuracy 0.95', mocks: mlPipelineMocks(0.95) },
    { label: 'Accuracy 0.5', mocks: mlPipelineMocks(0.5) },
    {
      label: 'Training keeps failing',
      mocks: {
        ...mlPipelineMocks(0.95),
        TrainModel: {
          error: 'SageMaker.AmazonSageMakerException',
          cause: 'ResourceLimitExceeded: no ml.m5.xlarge capacity',
        },
      },
    },
  ],
};

const EXAMPLES: readonly AslExample[] = [mlPipeline];

/**
 * The example for a definition: the one whose scenarios mock exactly the definition's Task states.
 * Any other machine gets an empty input and an empty result for each Task, so it can still be stepped through.
 */
export function exampleFor(definition: unknown): AslExample {
  const tasks = taskStates(definition).sort();
  const key = tasks.join('\n');
  const known = EXAMPLES.find((example) =>
    example.scenarios.every((scenario) => Object.keys(scenario.mocks).sort().join('\n') === key),
  );
  if (known) return known;
  return {
    input: {},
    scenarios: [{ label: 'Every Task returns {}', mocks: Object.fromEntries(tasks.map((name) => [name, {}])) }],
  };
}

/** The names of the Task states at any depth (inside Parallel branches and Map item processors too). */
export function taskStates(machine: unknown): string[] {
  if (!isRecord(machine) || !isRecord(machine.States)) return [];
  const names: string[] = [];
  for (const [name, state] of Object.entries(machine.States)) {
    if (!isRecord(state)) continue;
    if (state.Type === 'Task') names.push(name);
    if (Array.isArray(state.Branches)) for (const branch of state.Branches) names.push(...taskStates(branch));
    names.push(...taskStates(state.ItemProcessor ?? state.Iterator));
  }
  return names;
}
