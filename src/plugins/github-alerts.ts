import type { Element } from 'hast';
import { defaultBuild, rehypeGithubAlerts, type IOptions } from 'rehype-github-alerts';

/**
 * GitHub-style alerts (`> [!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]`, `[!CAUTION]`) as callouts,
 * with the plugin's own markup plus `role="note"` and a label, so assistive technology announces
 * each as a note of its kind.
 */
const options: IOptions = {
  build: (alert, children) => {
    const built = defaultBuild(alert, children);
    if (built?.type === 'element') {
      (built as Element).properties.role = 'note';
      (built as Element).properties.ariaLabel = alert.title;
    }
    return built;
  },
};

export const githubAlerts = [rehypeGithubAlerts, options] as const;
