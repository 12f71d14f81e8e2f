import type { APIRoute } from 'astro';
import { SITE_DESCRIPTION, SITE_NAME } from '../lib/navigation/site-config.ts';
import { siteUrl } from '../lib/navigation/urls.ts';

/** The web app manifest, with URLs under the site's base path. */
export const GET: APIRoute = () =>
  new Response(
    JSON.stringify({
      name: SITE_NAME,
      short_name: 'MLA notes',
      description: SITE_DESCRIPTION,
      start_url: siteUrl(''),
      scope: siteUrl(''),
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#0b5cad',
      icons: [
        { src: siteUrl('icon-192.png'), sizes: '192x192', type: 'image/png' },
        { src: siteUrl('icon-512.png'), sizes: '512x512', type: 'image/png' },
        { src: siteUrl('favicon.svg'), sizes: 'any', type: 'image/svg+xml' },
      ],
    }),
    { headers: { 'content-type': 'application/manifest+json' } },
  );
