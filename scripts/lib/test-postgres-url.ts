// Where the store tests find Postgres: TEST_DATABASE_URL when set; else the throw-away cluster that
// scripts/ensure-postgres.ts started (a pretest step cannot export variables to the next npm script,
// so it leaves the URL in a file); else the local default.
import { readFileSync } from "node:fs";
import path from "node:path";

export const DEFAULT_TEST_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/test";
export const STARTED_POSTGRES_URL_FILE = path.resolve(".data", "test-postgres-url");

export function startedPostgresUrl(): string | undefined {
  try {
    return readFileSync(STARTED_POSTGRES_URL_FILE, "utf8").trim() || undefined;
  } catch {
    return undefined;
  }
}

export function testDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.TEST_DATABASE_URL?.trim() || startedPostgresUrl() || DEFAULT_TEST_DATABASE_URL;
}
