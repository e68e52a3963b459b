// Timed HTTP GETs against the dashboard, signed in with the bench's API token. The time is the whole
// response (headers and body) on loopback, which is the server's time plus a negligible transfer.
import { BENCH_AUTH_HEADERS } from "./bench-auth";

export interface Timed {
  ms: number;
  status: number;
  bytes: number;
}

export async function timedGet(url: string): Promise<Timed> {
  const started = performance.now();
  const response = await fetch(url, { headers: { "Accept-Encoding": "identity", ...BENCH_AUTH_HEADERS } });
  const body = await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status, bytes: body.byteLength };
}

export async function expectOk(url: string): Promise<Timed> {
  const result = await timedGet(url);
  if (result.status !== 200) throw new Error(`GET ${url} answered ${result.status}`);
  return result;
}
