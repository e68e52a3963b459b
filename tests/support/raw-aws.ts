// Raw AWS JSON 1.1 requests for tests that need to send what no SDK would (bad JSON, wrong headers).
export const ECS_TARGET = "AmazonEC2ContainerServiceV20141113";
export const ECR_TARGET = "AmazonEC2ContainerRegistry_V20150921";

export interface RawResponse {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

export async function rawAwsCall(
  endpoint: string,
  opts: { target?: string; body?: string; contentType?: string | null; authorization?: string },
): Promise<RawResponse> {
  const headers: Record<string, string> = {};
  if (opts.contentType !== null) headers["Content-Type"] = opts.contentType ?? "application/x-amz-json-1.1";
  if (opts.target) headers["X-Amz-Target"] = opts.target;
  if (opts.authorization) headers.Authorization = opts.authorization;
  const response = await fetch(endpoint, { method: "POST", headers, body: opts.body ?? "{}" });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** An Authorization header whose credential scope names the account (12-digit key id) and region. */
export function authorizationFor(accessKeyId: string, region: string, service = "ecs"): string {
  return `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20261125/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=0`;
}
