// Where a deployed revision came from, read off the revision itself: the commit of each container's image
// (its tag through the configured pattern) and the CI run that registered it (a `ci:run-url` tag the
// pipeline adds, docs/examples/github-actions.yml). Our own operations need neither: the store keeps
// their from → to with each image's SHA as ECR knew it. ECS records no caller for a service deployment, so these tags are
// the only way the timeline can name the workflow run behind a deployment made outside the dashboard.
import { parseImageReference } from "./image-reference";
import { findCommit, type TagPatterns } from "./prod-tag";

/** The revision tag the pipeline sets to its run's URL. */
export const RUN_URL_TAG = "ci:run-url";

export interface ContainerCommit {
  container: string;
  /** The image's repository name (what git link templates key on). */
  repository: string;
  sha: string;
  /** The image tag the SHA was read from. */
  tag: string;
}

export interface DeploymentProvenance {
  commits: ContainerCommit[];
  /** An https:// URL; anything else in the tag is ignored rather than rendered as a link. */
  runUrl: string | null;
}

interface RevisionLike {
  containers: readonly { name: string; image: string }[];
  tags?: readonly { key: string; value: string }[];
}

function httpsUrl(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.username === "" && url.password === "" ? url.href : null;
  } catch {
    return null;
  }
}

export function deploymentProvenance(revision: RevisionLike, tagPattern: TagPatterns): DeploymentProvenance {
  const commits = revision.containers.flatMap((c): ContainerCommit[] => {
    const ref = parseImageReference(c.image);
    const commit = ref?.tag ? findCommit([ref.tag], tagPattern) : undefined;
    return ref && commit ? [{ container: c.name, repository: ref.repository, sha: commit.sha, tag: commit.tag }] : [];
  });
  const runTag = revision.tags?.find((t) => t.key === RUN_URL_TAG)?.value;
  return { commits, runUrl: httpsUrl(runTag) };
}
