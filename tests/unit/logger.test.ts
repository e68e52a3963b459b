// The logger's JSON shape, its context fields, and the redaction that keeps secrets out of the log even
// when a caller hands it an object holding one.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/lib/observability/logger";
import { withLogContext } from "@/lib/observability/log-context";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  return { logger: createLogger("debug", stream), parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>), raw: () => lines.join("\n") };
}

describe("logger", () => {
  it("writes one JSON object per line with time, level name and message", () => {
    const { logger, parsed } = capture();
    logger.warn({ aws: { operation: "UpdateService" } }, "aws call failed");
    const [line] = parsed();
    expect(line).toMatchObject({ level: "warn", msg: "aws call failed", aws: { operation: "UpdateService" } });
    expect(line!.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it("adds the request id, actor and operation id of the context it is called in", async () => {
    const { logger, parsed } = capture();
    await withLogContext({ requestId: "req-12345678", actor: "ci-bot" }, async () => {
      await withLogContext({ operationId: "op-1" }, async () => logger.info("inside"));
    });
    logger.info("outside");
    expect(parsed()[0]).toMatchObject({ requestId: "req-12345678", actor: "ci-bot", operationId: "op-1" });
    expect(parsed()[1]).not.toHaveProperty("requestId");
  });

  it.each([
    [{ headers: { authorization: "Bearer sst_leak1", cookie: "next-auth.session-token=leak2" } }],
    [{ authorization: "Bearer sst_leak1", token: "leak2" }],
    [{ req: { headers: { authorization: "Bearer sst_leak1", "set-cookie": "leak2" } } }],
    [{ config: { NEXTAUTH_SECRET: "leak1", secret: "leak2" } }],
    [{ target: { clientSecret: "leak1", password: "leak2" } }],
  ])("censors secrets in %j", (fields) => {
    const { logger, raw } = capture();
    logger.info(fields, "with secrets");
    expect(raw()).not.toMatch(/leak1|leak2/);
    expect(raw()).toContain("[redacted]");
  });
});
