/**
 * Where the notes live. NOTES_DIR points the build at another folder
 * (test fixtures, benchmark corpora) without touching content/.
 */
export function notesDirectory(env: Record<string, string | undefined> = process.env): string {
  return env.NOTES_DIR ?? './content/notes';
}
