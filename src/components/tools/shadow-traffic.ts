import { renderShadowView } from '../../lib/guardrails/shadow-view.ts';
import { parseNumber } from '../../lib/guardrails/number-input.ts';

/** Re-routes the demo's requests whenever the reader changes the sampling percentage. */
class ShadowTraffic extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector<HTMLElement>('.shadow-form')!;
    const input = form.querySelector<HTMLInputElement>('[name="percent"]')!;
    form.hidden = false;
    form.addEventListener('input', () => {
      const view = renderShadowView(Number(this.dataset.requests), parseNumber(input.value));
      this.querySelector('.shadow-error')!.textContent = view.error;
      if (view.error) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
      this.querySelector('.shadow-summary')!.textContent = view.summary;
      this.querySelector('.shadow-requests')!.innerHTML = view.requestsHtml;
    });
  }
}

customElements.define('shadow-traffic', ShadowTraffic);
