/** Shows what the reader should know about their saved progress (upgraded, or unreadable and reset). */
export function showStorageNotice(area: HTMLElement | null, message: string | undefined): void {
  if (!area || !message) return;
  area.textContent = message;
  area.hidden = false;
}
