/**
 * Shadow tests: which requests a shadow variant receives at a sampling percentage. Production
 * answers every request; the shadow variant gets copies and its responses are discarded.
 *
 * Source: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ShadowModelVariantConfig.html
 */
import type { ValidationIssue } from './types.ts';
import { seededRandom } from '../random.ts';

/** `ShadowModelVariantConfig.SamplingPercentage` (see validateSamplingPercent on the minimum). */
export const SAMPLING_PERCENT_LIMITS = { min: 1, max: 100 } as const;

/**
 * Checks a shadow variant's `SamplingPercentage`, returning the issues (empty when valid). The
 * API reference gives "Type: Integer, Valid Range: Maximum value of 100" and no minimum
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ShadowModelVariantConfig.html);
 * 1 is required here because 0% would copy no request to the shadow variant.
 */
export function validateSamplingPercent(samplingPercent: number): ValidationIssue[] {
  const { min, max } = SAMPLING_PERCENT_LIMITS;
  if (Number.isInteger(samplingPercent) && samplingPercent >= min && samplingPercent <= max) return [];
  // An emptied field reaches here as NaN: the learner gets the range to type, not "NaN".
  if (Number.isNaN(samplingPercent)) {
    return [
      {
        field: 'ShadowModelVariantConfig.SamplingPercentage',
        message: `SamplingPercentage is empty. Enter a whole number from ${min} to ${max}.`,
        severity: 'error',
      },
    ];
  }
  return [
    {
      field: 'ShadowModelVariantConfig.SamplingPercentage',
      message:
        `SamplingPercentage must be a whole number from ${min} to ${max} (the API's maximum is 100; ` +
        `0 would copy nothing to the shadow variant); got ${String(samplingPercent)}.`,
      severity: 'error',
    },
  ];
}

/** Where one request went in a shadow test. */
export interface ShadowRoute {
  request: number;
  copiedToShadow: boolean;
  /** Always production: the shadow variant's responses are never returned to the caller. */
  respondedBy: 'production';
}

/** The routing of a run of requests in a shadow test. */
export interface ShadowRouting {
  routes: ShadowRoute[];
  shadowCopies: number;
  productionResponses: number;
}

/**
 * Decides, for each of `requestCount` requests, whether a copy goes to the shadow variant at
 * `samplingPercent`, so the simulator can show that production answers every request. Without
 * a seed the copies are spread evenly (exactly ⌊count × percent / 100⌋ of them); with a seed
 * each request is sampled independently from a seeded generator. Throws a RangeError on bad input.
 */
export function routeShadowRequests(requestCount: number, samplingPercent: number, seed?: number): ShadowRouting {
  if (!Number.isInteger(requestCount) || requestCount < 0) {
    throw new RangeError(`requestCount must be a whole number of at least 0; got ${String(requestCount)}.`);
  }
  const issue = validateSamplingPercent(samplingPercent)[0];
  if (issue) throw new RangeError(issue.message);

  const random = seed === undefined ? undefined : seededRandom(seed);
  const routes: ShadowRoute[] = [];
  let shadowCopies = 0;
  for (let i = 0; i < requestCount; i += 1) {
    // Even spreading: request i is copied when the running total of copies owed,
    // ⌊(i + 1) × p / 100⌋, goes up by one.
    const copiedToShadow = random
      ? random() < samplingPercent / 100
      : Math.floor(((i + 1) * samplingPercent) / 100) > Math.floor((i * samplingPercent) / 100);
    if (copiedToShadow) shadowCopies += 1;
    routes.push({ request: i + 1, copiedToShadow, respondedBy: 'production' });
  }
  return { routes, shadowCopies, productionResponses: requestCount };
}
