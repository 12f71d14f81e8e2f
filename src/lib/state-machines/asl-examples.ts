/**
 * Example executions for the state machines in the notes: the input an execution starts with and, per
 * scenario, what each Task state returns. The step-through player starts from these, and the reader can
 * edit them.
 */
import type { JsonObject, JsonValue } from './asl-types.ts';
import { isRecord } from './asl-describe.ts';

export interface AslExample {
  input: JsonValue;
  /** At least one, the first is where the player starts: a button text, and each Task state's result (or error). */
  scenarios: { label: string; mocks: JsonObject }[];
}

const SAGEMAKER = 'arn:aws:sagemaker:eu-west-1:111122223333';

/** Results of the ML pipeline's Tasks, with the evaluation returning `accuracy`. */
function mlPipelineMocks(accuracy: number): JsonObject {
  return {
    TrainModel: {
      TrainingJobName: 'example-execution',
      TrainingJobArn: `${SAGEMAKER}:training-job/example-execution`,
      TrainingJobStatus: 'Completed',
      ModelArtifacts: { S3ModelArtifacts: 's3://amzn-s3-demo-bucket/models/example-execution/output/model.tar.gz' },
    },
    EvaluateModel: { StatusCode: 200, Payload: { accuracy } },
    CreateModel: { ModelArn: `${SAGEMAKER}:model/example-execution` },
    CreateEndpointConfig: { EndpointConfigArn: `${SAGEMAKER}:endpoint-config/example-execution` },
    CreateEndpoint: { EndpointArn: `${SAGEMAKER}:endpoint/churn-model` },
  };
}

const CAPACITY = 'ResourceLimitExceeded: no ml.m5.xlarge capacity';

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
      mocks: { ...mlPipelineMocks(0.95), TrainModel: { error: 'SageMaker.AmazonSageMakerException', cause: CAPACITY } },
    },
  ],
};

const EXAMPLES: readonly AslExample[] = [mlPipeline];

/**
 * The example for a definition: the one whose scenarios mock exactly the definition's Task states.
 * Any other machine gets an empty input and an empty result for each Task, so it can still be stepped through.
 */
export function exampleFor(definition: unknown): AslExample {
  const tasks = taskStates(definition).sort().join();
  const known = EXAMPLES.find(({ scenarios }) =>
    scenarios.every(({ mocks }) => Object.keys(mocks).sort().join() === tasks),
  );
  const mocks = Object.fromEntries(taskStates(definition).map((name) => [name, {}]));
  return known ?? { input: {}, scenarios: [{ label: 'Every Task returns {}', mocks }] };
}

/** The names of the Task states at any depth (inside Parallel branches and Map item processors too). */
export function taskStates(machine: unknown): string[] {
  const states = isRecord(machine) && isRecord(machine.States) ? Object.entries(machine.States) : [];
  return states.flatMap(([name, state]) => {
    if (!isRecord(state)) return [];
    const inside = [...(Array.isArray(state.Branches) ? state.Branches : []), state.ItemProcessor ?? state.Iterator];
    return [...(state.Type === 'Task' ? [name] : []), ...inside.flatMap(taskStates)];
  });
}
