/**
 * Shows the copy-link button beside each section heading once the clipboard is usable, copies the
 * section's full URL, and says so both visually and to screen readers.
 */
const copyStatus = document.getElementById('copy-status');

if (navigator.clipboard) {
  for (const button of document.querySelectorAll<HTMLButtonElement>('.copy-link')) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      const url = new URL(`#${button.dataset.section}`, location.href).href;
      try {
        await navigator.clipboard.writeText(url);
        announce(button, 'Link copied');
      } catch {
        announce(button, 'Could not copy the link');
      }
    });
  }
}

function announce(button: HTMLButtonElement, message: string): void {
  if (copyStatus) copyStatus.textContent = `${message}: ${new URL(`#${button.dataset.section}`, location.href).href}`;
  button.dataset.state = message;
  const badge = Object.assign(document.createElement('span'), { className: 'copy-badge', textContent: message });
  badge.setAttribute('aria-hidden', 'true'); // the live region already says it
  button.after(badge);
  setTimeout(() => {
    delete button.dataset.state;
    badge.remove();
  }, 2000);
}

export {};
