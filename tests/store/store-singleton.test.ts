// getStore(): the server's one store on DATABASE_URL, migrated before anyone uses it; a failure is not
// remembered, so fixing the database (or its URL) needs no restart of the caller.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError } from "@/lib/config";
import { getOperation, getStore } from "@/lib/store";

describe("getStore", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "steady-singleton-"));
  const saved = process.env.DATABASE_URL;
  afterAll(async () => {
    await (await getStore()).close();
    process.env.DATABASE_URL = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it("rejects a DATABASE_URL it cannot use with a ConfigError naming it, then opens the fixed one, migrated, once", async () => {
    process.env.DATABASE_URL = "sqlite:steady.db";
    await expect(getStore()).rejects.toThrow(ConfigError);
    await expect(getStore()).rejects.toThrow("DATABASE_URL (sqlite:steady.db): unsupported scheme");

    process.env.DATABASE_URL = `file:${path.join(dir, "server.db")}`;
    const [first, second] = await Promise.all([getStore(), getStore()]);
    expect(second).toBe(first);
    expect(first.kind).toBe("sqlite");
    // Migrated: the tables answer.
    expect(await getOperation(first.db, "no-such-operation")).toBeUndefined();
    expect(await first.migrate()).toEqual([]);
  });
});
