/** A built page as the link checker sees it: the ids it defines and the links it contains. */
export interface CheckedPage {
  /** Site path of the page, e.g. `/notes/eks/` (without the base path). */
  path: string;
  ids: ReadonlySet<string>;
  links: readonly { href: string; opensNewTab: boolean; rel: string }[];
}

export interface LinkProblem {
  page: string;
  href: string;
  message: string;
}

/**
 * Every internal link and `#anchor` must lead somewhere, and a link that opens a new tab must not
 * hand the opener to the other site. `exists(path)` answers whether the site has a file at a path.
 */
export function checkLinks(
  pages: readonly CheckedPage[],
  base: string,
  exists: (sitePath: string) => boolean,
): LinkProblem[] {
  const byPath = new Map(pages.map((page) => [page.path, page]));
  const problems: LinkProblem[] = [];
  const baseWithoutSlash = base.replace(/\/+$/, '');
  for (const page of pages) {
    for (const link of page.links) {
      if (link.opensNewTab && !(link.rel.includes('noopener') && link.rel.includes('noreferrer'))) {
        problems.push({
          page: page.path,
          href: link.href,
          message: 'opens a new tab without rel="noopener noreferrer"',
        });
      }
      if (/^[a-z][a-z0-9+.-]*:/i.test(link.href) || link.href.startsWith('//')) continue; // another site, mail, etc.
      const [target, fragment] = link.href.split('#', 2) as [string, string | undefined];
      let sitePath: string;
      if (target === '') sitePath = page.path;
      else if (target.startsWith('/')) {
        if (baseWithoutSlash && !target.startsWith(`${baseWithoutSlash}/`)) {
          problems.push({ page: page.path, href: link.href, message: `does not start with the base path ${base}` });
          continue;
        }
        sitePath = target.slice(baseWithoutSlash.length).split('?')[0]!;
      } else {
        sitePath = new URL(target, `http://site${page.path}`).pathname;
      }
      const targetPage = byPath.get(sitePath);
      if (!targetPage && !exists(sitePath)) {
        problems.push({ page: page.path, href: link.href, message: 'leads to a page or file that does not exist' });
        continue;
      }
      if (fragment && targetPage && !targetPage.ids.has(decodeURIComponent(fragment))) {
        problems.push({
          page: page.path,
          href: link.href,
          message: `leads to #${fragment}, which ${sitePath} does not have`,
        });
      }
    }
  }
  return problems;
}
