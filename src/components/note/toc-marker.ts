/**
 * Marks the table-of-contents entry of the section being read (aria-current="true"):
 * the last section whose heading has scrolled above the top third of the window.
 */
class TocMarker extends HTMLElement {
  #links = new Map<string, HTMLAnchorElement>();
  #headings: HTMLElement[] = [];
  #frame = 0;

  connectedCallback(): void {
    for (const link of this.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
      const id = decodeURIComponent(link.hash.slice(1));
      const heading = document.getElementById(id);
      if (!heading) continue;
      this.#links.set(id, link);
      this.#headings.push(heading);
    }
    addEventListener('scroll', this.#schedule, { passive: true });
    addEventListener('resize', this.#schedule, { passive: true });
    this.#mark();
  }

  disconnectedCallback(): void {
    removeEventListener('scroll', this.#schedule);
    removeEventListener('resize', this.#schedule);
  }

  #schedule = (): void => {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(this.#mark);
  };

  #mark = (): void => {
    const line = innerHeight / 3;
    let current = this.#headings[0];
    for (const heading of this.#headings) {
      if (heading.getBoundingClientRect().top <= line) current = heading;
      else break;
    }
    for (const [id, link] of this.#links) {
      if (id === current?.id) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    }
  };
}

customElements.define('toc-marker', TocMarker);
