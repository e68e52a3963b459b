// Who is calling and where: read from the SigV4 credential scope
// ("Credential=AKID/20261125/ap-south-1/ecs/aws4_request"). Signatures are not verified (aws-behaviour.md
// §1.2 allows it). A 12-digit access key id doubles as the account id, so tests can reach other accounts.
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from "../world/defaults";

export interface Caller {
  account: string;
  region: string;
  /** The key that signed the call; IAM settings (iam/identities.ts) are keyed by it. */
  accessKeyId?: string;
}

const CREDENTIAL = /Credential=([^/,\s]+)\/\d{8}\/([a-z0-9-]+)\/[a-z0-9-]+\/aws4_request/;

export function callerFromAuthorization(header: string | undefined): Caller {
  const match = header ? CREDENTIAL.exec(header) : null;
  if (!match) return { account: DEFAULT_ACCOUNT, region: DEFAULT_REGION };
  const [, accessKeyId = "", region = DEFAULT_REGION] = match;
  return { account: /^\d{12}$/.test(accessKeyId) ? accessKeyId : DEFAULT_ACCOUNT, region, accessKeyId };
}
