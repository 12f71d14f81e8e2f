import type { JsonObject } from '../../../src/lib/state-machines/index.ts';

const LAMBDA = 'arn:aws:states:::lambda:invoke';

/**
 * State machines that exercise the diagram's hard cases: a Choice whose rules and Default leave side by side,
 * a loop, catchers, Parallel branches, and Map item processors (inline and distributed), nested.
 */
export const diagramSamples: { title: string; definition: JsonObject }[] = [
  {
    title: 'Polling loop with a Parallel holding a Map',
    definition: {
      StartAt: 'Init',
      States: {
        Init: { Type: 'Pass', Result: { items: [1, 2] }, Next: 'Fan' },
        Fan: {
          Type: 'Parallel',
          Branches: [
            {
              StartAt: 'A1',
              States: {
                A1: { Type: 'Task', Resource: LAMBDA, Next: 'A2' },
                A2: { Type: 'Wait', Seconds: 5, End: true },
              },
            },
            {
              StartAt: 'B1',
              States: {
                B1: {
                  Type: 'Map',
                  ItemsPath: '$.items',
                  ItemProcessor: { StartAt: 'Item', States: { Item: { Type: 'Pass', End: true } } },
                  End: true,
                },
              },
            },
          ],
          Catch: [{ ErrorEquals: ['States.Timeout', 'States.TaskFailed'], Next: 'Oops' }],
          Next: 'Poll',
        },
        Poll: { Type: 'Task', Resource: LAMBDA, Next: 'IsDone' },
        IsDone: {
          Type: 'Choice',
          Choices: [
            { Variable: '$.status', StringEquals: 'DONE', Next: 'Done' },
            {
              And: [{ Variable: '$.n', NumericLessThan: 3 }, { Not: { Variable: '$.x', IsPresent: true } }],
              Next: 'WaitABit',
            },
          ],
          Default: 'Oops',
        },
        WaitABit: { Type: 'Wait', Seconds: 10, Next: 'Poll' },
        Done: { Type: 'Succeed' },
        Oops: { Type: 'Fail', Error: 'Boom' },
      },
    },
  },
  {
    title: 'Inline Map over files, then a three-way Choice',
    definition: {
      StartAt: 'ListFiles',
      States: {
        ListFiles: { Type: 'Task', Resource: LAMBDA, Next: 'ProcessFiles' },
        ProcessFiles: {
          Type: 'Map',
          ItemsPath: '$.files',
          MaxConcurrency: 4,
          ItemProcessor: {
            ProcessorConfig: { Mode: 'INLINE' },
            StartAt: 'Validate',
            States: {
              Validate: { Type: 'Task', Resource: LAMBDA, Next: 'IsValid' },
              IsValid: {
                Type: 'Choice',
                Choices: [{ Variable: '$.valid', BooleanEquals: true, Next: 'Transform' }],
                Default: 'Skip',
              },
              Transform: { Type: 'Task', Resource: LAMBDA, End: true },
              Skip: { Type: 'Pass', End: true },
            },
          },
          Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Failed' }],
          Next: 'Route',
        },
        Route: {
          Type: 'Choice',
          Choices: [
            { Variable: '$.count', NumericGreaterThan: 100, Next: 'BigBatch' },
            { Variable: '$.count', NumericEquals: 0, Next: 'Nothing' },
          ],
          Default: 'SmallBatch',
        },
        BigBatch: { Type: 'Task', Resource: 'arn:aws:states:::batch:submitJob.sync', Next: 'Done' },
        SmallBatch: { Type: 'Task', Resource: LAMBDA, Next: 'Done' },
        Nothing: { Type: 'Succeed' },
        Done: { Type: 'Succeed' },
        Failed: { Type: 'Fail', Error: 'FilesFailed', Cause: 'A file could not be processed.' },
      },
    },
  },
  {
    title: 'Distributed Map over an S3 prefix',
    definition: {
      StartAt: 'ScoreShards',
      States: {
        ScoreShards: {
          Type: 'Map',
          ItemReader: {
            Resource: 'arn:aws:states:::s3:listObjectsV2',
            Parameters: { Bucket: 'amzn-s3-demo-bucket', Prefix: 'shards/' },
          },
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'Score',
            States: {
              Score: {
                Type: 'Task',
                Resource: 'arn:aws:states:::sagemaker:createTransformJob.sync',
                Retry: [{ ErrorEquals: ['States.TaskFailed'], MaxAttempts: 2 }],
                End: true,
              },
            },
          },
          ToleratedFailurePercentage: 5,
          Next: 'Report',
        },
        Report: { Type: 'Task', Resource: LAMBDA, End: true },
      },
    },
  },
];
