// Not a repo test: scripts/node-lts.ts copies this file into its scratch tree as
// tests/store/node-lts-probe.test.ts, so it runs inside the store suite's vitest worker on the LTS Node.
// It proves what a version string alone cannot: the worker and the vitest process that forked it are that
// Node's binary, and the better_sqlite3.node mapped into the worker is the build compiled for it (the bug
// this guards against: a Node 20 build loaded under Node 26).
import { createHash } from "node:crypto";
import { readFileSync, readlinkSync, realpathSync, writeFileSync } from "node:fs";
import Database from "better-sqlite3";
import { expect, test } from "vitest";
import { z } from "zod";

const Expected = z.object({
  NODE_LTS_EXPECT_VERSION: z.string().regex(/^v\d+\.\d+\.\d+$/),
  NODE_LTS_EXPECT_BIN: z.string().min(1),
  NODE_LTS_EXPECT_ADDON: z.string().min(1),
  NODE_LTS_EXPECT_ADDON_SHA256: z.string().regex(/^[0-9a-f]{64}$/),
  NODE_LTS_PROBE_OUT: z.string().min(1),
});

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** The better_sqlite3.node file the dynamic loader mapped into this process (Linux). */
function mappedAddon(): string | undefined {
  const line = readFileSync("/proc/self/maps", "utf8")
    .split("\n")
    .find((entry) => entry.endsWith("/better_sqlite3.node"));
  return line?.slice(line.indexOf("/"));
}

test("the worker runs the LTS Node and loads the better-sqlite3 build made for it", () => {
  const expected = Expected.parse(process.env);
  const db = new Database(":memory:");
  const sqlite = db.prepare("select sqlite_version() as version").get() as { version: string };
  db.close();
  const seen = {
    version: process.version,
    abi: process.versions.modules,
    worker: realpathSync(readlinkSync("/proc/self/exe")),
    vitest: realpathSync(readlinkSync(`/proc/${process.ppid}/exe`)),
    addon: mappedAddon(),
    sqlite: sqlite.version,
  };
  writeFileSync(expected.NODE_LTS_PROBE_OUT, JSON.stringify(seen));
  expect(seen.version).toBe(expected.NODE_LTS_EXPECT_VERSION);
  expect(seen.worker).toBe(realpathSync(expected.NODE_LTS_EXPECT_BIN));
  expect(seen.vitest).toBe(realpathSync(expected.NODE_LTS_EXPECT_BIN));
  expect(seen.addon).toBe(expected.NODE_LTS_EXPECT_ADDON);
  expect(sha256(expected.NODE_LTS_EXPECT_ADDON)).toBe(expected.NODE_LTS_EXPECT_ADDON_SHA256);
});
