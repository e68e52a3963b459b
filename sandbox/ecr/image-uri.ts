// Image URIs as task definitions carry them: `{acct}.dkr.ecr.{region}.amazonaws.com/{repo}:{tag}`,
// `…/{repo}@sha256:{hex}` or `…/{repo}:{tag}@sha256:{hex}` (the digest wins, as docker reads it).
// A URI without tag or digest means `:latest`.
export interface ImageUri {
  account: string;
  region: string;
  repositoryName: string;
  tag?: string;
  digest?: string;
}

const URI = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com\/([^:@]+)(?::([^:@/]+))?(?:@(sha256:[a-f0-9]{64}))?$/;

export function parseImageUri(uri: string): ImageUri | undefined {
  const match = URI.exec(uri);
  if (!match) return undefined;
  const [, account, region, repositoryName, tag, digest] = match;
  if (!account || !region || !repositoryName) return undefined;
  return { account, region, repositoryName, tag: digest ? undefined : (tag ?? "latest"), digest };
}

/** The same image pinned by digest: `{registry}/{repo}@{digest}`. */
export function pinnedImageUri(uri: ImageUri, digest: string): string {
  return `${uri.account}.dkr.ecr.${uri.region}.amazonaws.com/${uri.repositoryName}@${digest}`;
}
