/**
 * What the shadow demo shows for a sampling percentage, as markup: the build draws the default
 * with it and the island every change after, so the markup is written once.
 */
import { routeShadowRequests, validateSamplingPercent } from './shadow-routing.ts';

export interface ShadowView {
  /** Why the percentage can't be used; empty when it can. */
  error: string;
  summary: string;
  /** The requests as list items; empty while the percentage is invalid, so no older routing shows. */
  requestsHtml: string;
}

/** Routes `requestCount` requests at `samplingPercent` and renders where each went. */
export function renderShadowView(requestCount: number, samplingPercent: number): ShadowView {
  const issue = validateSamplingPercent(samplingPercent)[0];
  if (issue) {
    return { error: issue.message, summary: 'No routing while the sampling percentage is invalid.', requestsHtml: '' };
  }
  const routing = routeShadowRequests(requestCount, samplingPercent);
  return {
    error: '',
    summary:
      `${routing.productionResponses} of ${requestCount} requests answered by production; ` +
      `${routing.shadowCopies} copies sent to the shadow variant, whose responses are discarded.`,
    requestsHtml: routing.routes
      .map(
        (route) =>
          `<li${route.copiedToShadow ? ' class="is-copied"' : ''}>` +
          `<span class="shadow-request">Request ${route.request}</span>` +
          '<span class="shadow-prod">answered by production</span>' +
          (route.copiedToShadow ? '<span class="shadow-copy">copy → shadow (response discarded)</span>' : '') +
          '</li>',
      )
      .join(''),
  };
}
