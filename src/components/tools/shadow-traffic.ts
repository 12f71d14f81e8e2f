import { routeShadowRequests, validateSamplingPercent } from '../../lib/guardrails/shadow-routing.ts';

/** Re-routes the demo's requests whenever the reader changes the sampling percentage. */
class ShadowTraffic extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector<HTMLElement>('.shadow-form')!;
    form.hidden = false;
    form.addEventListener('input', () =>
      this.#update(Number(form.querySelector<HTMLInputElement>('[name="percent"]')!.value)),
    );
  }

  #update(percent: number): void {
    const error = this.querySelector('.shadow-error')!;
    const issue = validateSamplingPercent(percent)[0];
    error.textContent = issue ? issue.message : '';
    if (issue) return;
    const requests = Number(this.dataset.requests);
    const routing = routeShadowRequests(requests, percent);
    this.querySelector('.shadow-summary')!.textContent =
      `${routing.productionResponses} of ${requests} requests answered by production; ${routing.shadowCopies} copies sent to the shadow variant, whose responses are discarded.`;
    this.querySelector('.shadow-requests')!.replaceChildren(
      ...routing.routes.map((route) => {
        const item = document.createElement('li');
        item.classList.toggle('is-copied', route.copiedToShadow);
        const parts = [
          ['shadow-request', `Request ${route.request}`],
          ['shadow-prod', 'answered by production'],
          ...(route.copiedToShadow ? [['shadow-copy', 'copy → shadow (response discarded)']] : []),
        ];
        for (const [className, text] of parts)
          item.append(Object.assign(document.createElement('span'), { className, textContent: text }));
        return item;
      }),
    );
  }
}

customElements.define('shadow-traffic', ShadowTraffic);
