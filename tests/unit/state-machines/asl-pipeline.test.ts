import { describe, expect, it } from 'vitest';
import {
  layoutAsl,
  renderAslSvg,
  runExecution,
  unsupportedFeatures,
  validateAsl,
  type AslMocks,
  type JsonObject,
  type JsonValue,
} from '../../../src/lib/state-machines';

/**
 * The worked example of the Step Functions note (content/notes/step-functions.mdx): train, evaluate, then
 * deploy or fail. The same definition as the note's ```json block, written as a TypeScript literal.
 */
const pipeline: JsonObject = {
  Comment: 'Train, evaluate and (if good enough) deploy a model when a new training file lands in S3',
  QueryLanguage: 'JSONPath',
  StartAt: 'TrainModel',
  States: {
    TrainModel: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
      Parameters: {
        'TrainingJobName.$': '$$.Execution.Name',
        RoleArn: 'arn:aws:iam::111122223333:role/SageMakerExecutionRole',
        AlgorithmSpecification: {
          TrainingImage: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/churn-train:latest',
          TrainingInputMode: 'File',
        },
        InputDataConfig: [
          {
            ChannelName: 'train',
            DataSource: {
              S3DataSource: {
                S3DataType: 'S3Prefix',
                'S3Uri.$': "States.Format('s3://{}/{}', $.detail.bucket.name, $.detail.object.key)",
                S3DataDistributionType: 'FullyReplicated',
              },
            },
          },
        ],
        OutputDataConfig: {
          S3OutputPath: 's3://amzn-s3-demo-bucket/models/',
        },
        ResourceConfig: {
          InstanceCount: 1,
          InstanceType: 'ml.m5.xlarge',
          VolumeSizeInGB: 30,
        },
        StoppingCondition: {
          MaxRuntimeInSeconds: 3600,
        },
      },
      ResultPath: '$.training',
      Retry: [
        {
          ErrorEquals: ['SageMaker.AmazonSageMakerException'],
          IntervalSeconds: 10,
          MaxAttempts: 3,
          BackoffRate: 2.0,
        },
      ],
      Catch: [
        {
          ErrorEquals: ['States.ALL'],
          ResultPath: '$.error',
          Next: 'PipelineFailed',
        },
      ],
      Next: 'EvaluateModel',
    },
    EvaluateModel: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: {
        FunctionName: 'arn:aws:lambda:eu-west-1:111122223333:function:evaluate-model',
        Payload: {
          'modelArtifacts.$': '$.training.ModelArtifacts.S3ModelArtifacts',
          testData: 's3://amzn-s3-demo-bucket/test/',
        },
      },
      ResultSelector: {
        'accuracy.$': '$.Payload.accuracy',
      },
      ResultPath: '$.evaluation',
      Retry: [
        {
          ErrorEquals: ['Lambda.ServiceException', 'Lambda.SdkClientException'],
          IntervalSeconds: 2,
          MaxAttempts: 3,
          BackoffRate: 2.0,
        },
      ],
      Catch: [
        {
          ErrorEquals: ['States.ALL'],
          ResultPath: '$.error',
          Next: 'PipelineFailed',
        },
      ],
      Next: 'CheckAccuracy',
    },
    CheckAccuracy: {
      Type: 'Choice',
      Choices: [
        {
          Variable: '$.evaluation.accuracy',
          NumericGreaterThanEquals: 0.9,
          Next: 'CreateModel',
        },
      ],
      Default: 'AccuracyTooLow',
    },
    CreateModel: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sagemaker:createModel',
      Parameters: {
        'ModelName.$': '$$.Execution.Name',
        ExecutionRoleArn: 'arn:aws:iam::111122223333:role/SageMakerExecutionRole',
        PrimaryContainer: {
          Image: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/churn-serve:latest',
          'ModelDataUrl.$': '$.training.ModelArtifacts.S3ModelArtifacts',
        },
      },
      ResultPath: null,
      Catch: [
        {
          ErrorEquals: ['States.ALL'],
          ResultPath: '$.error',
          Next: 'PipelineFailed',
        },
      ],
      Next: 'CreateEndpointConfig',
    },
    CreateEndpointConfig: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sagemaker:createEndpointConfig',
      Parameters: {
        'EndpointConfigName.$': '$$.Execution.Name',
        ProductionVariants: [
          {
            VariantName: 'AllTraffic',
            'ModelName.$': '$$.Execution.Name',
            InitialInstanceCount: 1,
            InstanceType: 'ml.m5.large',
          },
        ],
      },
      ResultPath: null,
      Catch: [
        {
          ErrorEquals: ['States.ALL'],
          ResultPath: '$.error',
          Next: 'PipelineFailed',
        },
      ],
      Next: 'CreateEndpoint',
    },
    CreateEndpoint: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sagemaker:createEndpoint',
      Parameters: {
        EndpointName: 'churn-model',
        'EndpointConfigName.$': '$$.Execution.Name',
      },
      ResultPath: '$.endpoint',
      Catch: [
        {
          ErrorEquals: ['States.ALL'],
          ResultPath: '$.error',
          Next: 'PipelineFailed',
        },
      ],
      Next: 'DeploymentStarted',
    },
    DeploymentStarted: {
      Type: 'Succeed',
    },
    AccuracyTooLow: {
      Type: 'Fail',
      Error: 'ModelQualityGateFailed',
      Cause: 'Evaluation accuracy was below the 0.9 threshold; the model was not deployed.',
    },
    PipelineFailed: {
      Type: 'Fail',
      Error: 'PipelineStepFailed',
      Cause: 'Training, evaluation or a deployment call failed after retries.',
    },
  },
};

const STATE_NAMES = [
  'TrainModel',
  'EvaluateModel',
  'CheckAccuracy',
  'CreateModel',
  'CreateEndpointConfig',
  'CreateEndpoint',
  'DeploymentStarted',
  'AccuracyTooLow',
  'PipelineFailed',
];

/** The S3 "Object Created" event EventBridge hands to the state machine. */
const s3Event: JsonObject = {
  version: '0',
  'detail-type': 'Object Created',
  source: 'aws.s3',
  detail: {
    bucket: { name: 'amzn-s3-demo-bucket' },
    object: { key: 'training/churn-2024-08.csv', size: 1024 },
  },
};

function mocksWithAccuracy(accuracy: number): AslMocks {
  return {
    TrainModel: {
      TrainingJobName: 'example-execution',
      TrainingJobStatus: 'Completed',
      ModelArtifacts: { S3ModelArtifacts: 's3://amzn-s3-demo-bucket/models/example-execution/output/model.tar.gz' },
    },
    EvaluateModel: { StatusCode: 200, Payload: { accuracy, f1: 0.8 } },
    CreateModel: { ModelArn: 'arn:aws:sagemaker:eu-west-1:111122223333:model/example-execution' },
    CreateEndpointConfig: {
      EndpointConfigArn: 'arn:aws:sagemaker:eu-west-1:111122223333:endpoint-config/example-execution',
    },
    CreateEndpoint: { EndpointArn: 'arn:aws:sagemaker:eu-west-1:111122223333:endpoint/churn-model' },
  };
}

/**
 * The request a Task state of the pipeline sends for `input`. A Task's result is mocked, so its request shows
 * nowhere; a Pass state with the same Parameters returns it.
 */
function requestOf(name: string, input: JsonValue): JsonValue {
  const { Parameters } = (pipeline.States as JsonObject)[name] as JsonObject;
  return runExecution({ StartAt: name, States: { [name]: { Type: 'Pass', Parameters, End: true } } }, input).output!;
}

describe("the note's train-evaluate-deploy state machine", () => {
  it('is valid, and uses only what the step-through player runs', () => {
    expect(validateAsl(pipeline)).toEqual([]);
    expect(unsupportedFeatures(pipeline)).toEqual([]);
  });

  it('deploys and succeeds when the accuracy is 0.95', () => {
    const execution = runExecution(pipeline, s3Event, mocksWithAccuracy(0.95));

    const [first, ...rest] = execution.steps;
    expect(first).toMatchObject({ state: 'TrainModel', type: 'Task', next: 'EvaluateModel', status: 'running' });
    expect(first?.input).toEqual(s3Event);

    expect(execution.steps.map((step) => step.state)).toEqual([
      'TrainModel',
      'EvaluateModel',
      'CheckAccuracy',
      'CreateModel',
      'CreateEndpointConfig',
      'CreateEndpoint',
      'DeploymentStarted',
    ]);
    expect(execution.status).toBe('succeeded');
    expect(rest.at(-1)).toMatchObject({ state: 'DeploymentStarted', type: 'Succeed', status: 'succeeded' });
    expect(rest.find((step) => step.state === 'CheckAccuracy')).toMatchObject({ choice: 0, next: 'CreateModel' });

    // Parameters: the context object and States.Format built the training job's request.
    const request = (name: string) => requestOf(name, execution.steps.find((step) => step.state === name)!.input);
    const training = request('TrainModel') as JsonObject;
    expect(training.TrainingJobName).toBe('example-execution');
    expect(training.InputDataConfig).toEqual([
      {
        ChannelName: 'train',
        DataSource: {
          S3DataSource: {
            S3DataType: 'S3Prefix',
            S3Uri: 's3://amzn-s3-demo-bucket/training/churn-2024-08.csv',
            S3DataDistributionType: 'FullyReplicated',
          },
        },
      },
    ]);
    expect(request('EvaluateModel')).toEqual({
      FunctionName: 'arn:aws:lambda:eu-west-1:111122223333:function:evaluate-model',
      Payload: {
        modelArtifacts: 's3://amzn-s3-demo-bucket/models/example-execution/output/model.tar.gz',
        testData: 's3://amzn-s3-demo-bucket/test/',
      },
    });
    expect(request('CreateEndpoint')).toEqual({ EndpointName: 'churn-model', EndpointConfigName: 'example-execution' });

    // ResultPath kept the event, ResultSelector trimmed the Lambda result, "ResultPath": null dropped results.
    const output = execution.output as JsonObject;
    expect(output.detail).toEqual(s3Event.detail);
    expect(output.evaluation).toEqual({ accuracy: 0.95 });
    expect((output.training as JsonObject).TrainingJobStatus).toBe('Completed');
    expect(output.endpoint).toEqual({ EndpointArn: 'arn:aws:sagemaker:eu-west-1:111122223333:endpoint/churn-model' });
    expect(Object.keys(output).sort()).toEqual([
      'detail',
      'detail-type',
      'endpoint',
      'evaluation',
      'source',
      'training',
      'version',
    ]);
  });

  it('takes the Default branch to the Fail state when the accuracy is 0.5', () => {
    const execution = runExecution(pipeline, s3Event, mocksWithAccuracy(0.5));
    const { steps } = execution;
    expect(steps.map((step) => step.state)).toEqual(['TrainModel', 'EvaluateModel', 'CheckAccuracy', 'AccuracyTooLow']);
    expect(steps[2]).toMatchObject({ choice: 'Default', next: 'AccuracyTooLow' });
    expect(execution.status).toBe('failed');
    expect(execution.error).toEqual({
      Error: 'ModelQualityGateFailed',
      Cause: 'Evaluation accuracy was below the 0.9 threshold; the model was not deployed.',
    });
    expect(execution.output).toBeUndefined();
  });

  it('retries the training job with backoff, then catches the error into PipelineFailed', () => {
    const mocks: AslMocks = {
      ...mocksWithAccuracy(0.95),
      TrainModel: { error: 'SageMaker.AmazonSageMakerException', cause: 'ResourceLimitExceeded' },
    };
    const execution = runExecution(pipeline, s3Event, mocks);
    const { steps } = execution;
    expect(steps.map((step) => step.state)).toEqual([
      'TrainModel',
      'TrainModel',
      'TrainModel',
      'TrainModel',
      'PipelineFailed',
    ]);
    expect(steps.slice(0, 3).map((step) => step.retry?.intervalSeconds)).toEqual([10, 20, 40]);
    expect(steps.slice(0, 3).map((step) => step.retry?.attempt)).toEqual([1, 2, 3]);
    expect(execution.simulatedSeconds).toBe(70);

    const caught = steps[3];
    expect(caught).toMatchObject({
      status: 'running',
      next: 'PipelineFailed',
      caught: { catcher: 0, errorEquals: ['States.ALL'], next: 'PipelineFailed' },
      error: { Error: 'SageMaker.AmazonSageMakerException', Cause: 'ResourceLimitExceeded' },
    });
    // The catcher's ResultPath puts the error next to the original input.
    expect(caught?.output).toEqual({
      ...s3Event,
      error: { Error: 'SageMaker.AmazonSageMakerException', Cause: 'ResourceLimitExceeded' },
    });
    expect(execution.status).toBe('failed');
    expect(execution.error?.Error).toBe('PipelineStepFailed');
  });

  it('catches an evaluation error its retrier does not cover without retrying', () => {
    const mocks: AslMocks = { ...mocksWithAccuracy(0.95), EvaluateModel: { error: 'Lambda.Unknown' } };
    const execution = runExecution(pipeline, s3Event, mocks);
    const { steps } = execution;
    expect(steps.map((step) => step.state)).toEqual(['TrainModel', 'EvaluateModel', 'PipelineFailed']);
    expect(steps[1]?.retry).toBeUndefined();
    expect(steps[1]?.caught?.next).toBe('PipelineFailed');
  });

  it('lays out a node for every state and an edge for every transition', () => {
    const layout = layoutAsl(pipeline);
    expect(layout.nodes.map((node) => node.name).sort()).toEqual([...STATE_NAMES, 'End', 'Start'].sort());
    const byId = new Map(layout.nodes.map((node) => [node.id, node.name]));
    const edges = layout.edges.map(
      (edge) => `${byId.get(edge.from)} -${edge.kind}-> ${byId.get(edge.to)}${edge.label ? ` [${edge.label}]` : ''}`,
    );
    expect(edges.sort()).toEqual(
      [
        'Start -next-> TrainModel',
        'TrainModel -next-> EvaluateModel',
        'TrainModel -catch-> PipelineFailed [States.ALL]',
        'EvaluateModel -next-> CheckAccuracy',
        'EvaluateModel -catch-> PipelineFailed [States.ALL]',
        'CheckAccuracy -choice-> CreateModel [$.evaluation.accuracy >= 0.9]',
        'CheckAccuracy -default-> AccuracyTooLow [Default]',
        'CreateModel -next-> CreateEndpointConfig',
        'CreateModel -catch-> PipelineFailed [States.ALL]',
        'CreateEndpointConfig -next-> CreateEndpoint',
        'CreateEndpointConfig -catch-> PipelineFailed [States.ALL]',
        'CreateEndpoint -next-> DeploymentStarted',
        'CreateEndpoint -catch-> PipelineFailed [States.ALL]',
        'DeploymentStarted -next-> End',
      ].sort(),
    );
    // No loops here: every edge points down to a later layer.
    const layer = new Map(layout.nodes.map((node) => [node.id, node.layer]));
    for (const edge of layout.edges) {
      expect(edge.back).toBe(false);
      expect(layer.get(edge.to)).toBeGreaterThan(layer.get(edge.from) ?? Number.POSITIVE_INFINITY);
    }
  });

  it('keeps the happy path straight and draws each long error path as one straight run', () => {
    const layout = layoutAsl(pipeline);
    const centre = (name: string): number => {
      const found = layout.nodes.find((n) => n.name === name);
      if (!found) throw new Error(name);
      return found.x + found.width / 2;
    };
    expect(Math.abs(centre('TrainModel') - centre('EvaluateModel'))).toBeLessThan(6);
    expect(Math.abs(centre('EvaluateModel') - centre('CheckAccuracy'))).toBeLessThan(6);
    expect(Math.abs(centre('CreateEndpoint') - centre('CreateEndpointConfig'))).toBeLessThan(6);
    const trainCatch = layout.edges.find((edge) => edge.kind === 'catch' && edge.from === 'States.TrainModel');
    const interior = trainCatch?.points.slice(1, -1) ?? [];
    expect(interior.length).toBeGreaterThanOrEqual(8);
    expect(new Set(interior.map((point) => point.x)).size).toBe(1);
  });

  it('renders an SVG naming every state', () => {
    const svg = renderAslSvg(pipeline, { title: 'Train, evaluate, deploy', idPrefix: 'pipeline' });
    for (const name of STATE_NAMES) expect(svg).toContain(`data-state="${name}"`);
    expect(svg).toContain('$.evaluation.accuracy &gt;= 0.9');
    expect(svg).toMatch(/<desc id="pipeline-desc">Starts at TrainModel\./);
  });
});
