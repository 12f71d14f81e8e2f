import type { APIRoute } from 'astro';
import { siteUrl } from '../lib/navigation/urls.ts';

/** Lets every crawler in and points it at the sitemap. */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(siteUrl('sitemap-index.xml'), site).href}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
