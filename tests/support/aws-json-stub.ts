// An HTTP endpoint that answers every AWS JSON 1.1 request with what the test set last, for errors the
// sandbox cannot produce (access denied as AWS words it, any status); the real SDK reads its answers.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface AwsJsonStub {
  url: string;
  answer(status: number, body: object): void;
  close(): Promise<void>;
}

export async function startAwsJsonStub(): Promise<AwsJsonStub> {
  let next = { status: 200, body: {} as object };
  const server = createServer((_req, res) => {
    res.writeHead(next.status, { "Content-Type": "application/x-amz-json-1.1" });
    res.end(JSON.stringify(next.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    answer: (status, body) => (next = { status, body }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
