// GET /api/ready in-process, check by check: the configuration (LOG_LEVEL included), the store, shutting
// down. The database going away and coming back on a real server is tests/built/observability.test.ts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { GET } from "@/app/api/ready/route";
import { startDraining } from "@/lib/server/draining";
import { getStore } from "@/lib/store";

const dir = mkdtempSync(path.join(tmpdir(), "steady-ready-"));

beforeAll(() => {
  process.env.DATABASE_URL = `file:${path.join(dir, "store.db")}`;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function ready() {
  const response = await GET();
  return { status: response.status, cache: response.headers.get("cache-control"), body: (await response.json()) as unknown };
}

it("answers 200 ready, never cached, when the configuration is valid and the store answers", async () => {
  expect(await ready()).toEqual({ status: 200, cache: "no-store", body: { status: "ready" } });
});

it("answers 503 naming the configuration while LOG_LEVEL is not valid, without repeating the value", async () => {
  process.env.LOG_LEVEL = "loud-and-secret";
  try {
    const answer = await ready();
    expect(answer.status).toBe(503);
    expect(answer.body).toEqual({ status: "not_ready", problems: [{ check: "configuration", message: expect.stringContaining("not valid") }] });
    expect(JSON.stringify(answer.body)).not.toContain("loud-and-secret");
  } finally {
    delete process.env.LOG_LEVEL;
  }
  expect((await ready()).status).toBe(200);
});

it("answers 503 naming the store when the database does not answer, and the shutdown once draining began", async () => {
  await (await getStore()).close();
  expect(await ready()).toMatchObject({ status: 503, body: { status: "not_ready", problems: [{ check: "store", message: "the operations database does not answer" }] } });
  startDraining(new Date("2026-12-07T12:00:00Z"));
  expect((await ready()).body).toEqual({
    status: "not_ready",
    problems: [
      { check: "shutdown", message: "shutting down since 2026-12-07T12:00:00.000Z" },
      { check: "store", message: "the operations database does not answer" },
    ],
  });
});
