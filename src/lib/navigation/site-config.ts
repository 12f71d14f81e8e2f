/** Facts about the site itself, in one place. */
export const SITE_NAME = 'MLOps with AWS: study notes';

export const SITE_DESCRIPTION =
  'Study notes on MLOps with AWS for the AWS Certified Machine Learning Engineer – Associate exam: SageMaker deployment, containers, networking, orchestration and distributed training.';

/** The study pages beyond the notes, linked from the header on every page and from the footer. */
export const STUDY_PAGES = [
  { label: 'Course map', path: 'course/' },
  { label: 'Glossary', path: 'glossary/' },
  { label: 'Review', path: 'review/' },
] as const;

/**
 * The repository the notes are edited in (e.g. https://github.com/owner/repo), for "edit this page"
 * links; none are shown when it is not set. Branch and folder are where the notes live.
 */
export function repositoryUrl(env: Record<string, string | undefined>): string | undefined {
  const url = env.REPOSITORY_URL?.trim().replace(/\/+$/, '');
  return url ? url : undefined;
}

/** The "edit this page" URL of a note file, on GitHub's web editor, or undefined without a repository. */
export function editUrl(noteFile: string, env: Record<string, string | undefined>): string | undefined {
  const repository = repositoryUrl(env);
  if (!repository) return undefined;
  const branch = env.REPOSITORY_BRANCH?.trim() || 'main';
  return `${repository}/edit/${branch}/${noteFile.replace(/^\.\//, '')}`;
}
