// A local HTTP receiver for notification tests: it answers each request as the test's script says
// (a status, or "hang": never answer), verifies Standard Webhooks signatures with lib/domain's verifier,
// and keeps every request so tests can count deliveries by webhook-id.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parseWebhookSecret, verifyWebhook } from "@/lib/domain/webhook-signature";

export type Answer = number | "hang";

export interface Received {
  webhookId: string | undefined;
  /** Whether the signature verified (undefined for a receiver without a secret, e.g. Slack). */
  verified: boolean | undefined;
  body: unknown;
  answer: Answer;
  /** Wall-clock ms when the request's body had arrived. */
  at: number;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Requests that are still waiting for an answer ("hang"). */
  open(): number;
  /** The answer for the n-th request (0-based); later requests get the last one. */
  script(answers: Answer[]): void;
  /** How many requests carried each webhook-id (or event id for Slack, read from the body by `idOf`). */
  countsById(idOf?: (r: Received) => string | undefined): Map<string, number>;
  close(): Promise<void>;
}

export const TEST_WEBHOOK_SECRET = `whsec_${Buffer.from("steady-state-test-secret-0123456789").toString("base64")}`;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startReceiver(secret?: string, port = 0): Promise<Receiver> {
  const key = secret ? parseWebhookSecret(secret) : undefined;
  const received: Received[] = [];
  const hanging = new Set<ServerResponse>();
  let answers: Answer[] = [200];
  const server = createServer((request, response) => {
    void readBody(request).then((text) => {
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : v]));
      const answer = answers[Math.min(received.length, answers.length - 1)] ?? 200;
      received.push({
        webhookId: headers["webhook-id"],
        verified: key ? verifyWebhook(key, headers, text, Math.floor(Date.now() / 1000)).ok : undefined,
        body: JSON.parse(text) as unknown,
        answer,
        at: Date.now(),
      });
      if (answer === "hang") {
        hanging.add(response);
        response.on("close", () => hanging.delete(response));
        return;
      }
      response.writeHead(answer, { "content-type": "text/plain" }).end(answer >= 400 ? "receiver says no" : "ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}/hook`,
    received,
    open: () => hanging.size,
    script(next) {
      answers = next;
    },
    countsById(idOf = (r) => r.webhookId) {
      const counts = new Map<string, number>();
      for (const r of received) {
        const id = idOf(r);
        if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      return counts;
    },
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Polls `check` until it is true (a wait on events, not on speed: the test's own timeout bounds it). */
export async function until(check: () => boolean | Promise<boolean>, what: string, everyMs = 20): Promise<void> {
  for (let i = 0; ; i++) {
    if (await check()) return;
    if (i > 2_500) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
