import type { APIRoute } from 'astro';
import { readingOrder } from '../collections/reading-order.ts';

/**
 * Every section a reader marks as understood, in reading order: what the home page needs to continue a
 * returning reader's reading. A file of its own, fetched only by a reader with progress, so the home page
 * does not carry every section of every note.
 */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await readingOrder()), { headers: { 'content-type': 'application/json' } });
