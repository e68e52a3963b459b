// DATABASE_URL → which database the store opens. Unset means a SQLite file under .data/ (one replica,
// nothing to install); postgres:// or postgresql:// means Postgres (needed for more than one replica).
// A value we cannot use stops start-up with a message naming DATABASE_URL, never a half-working store.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError } from "@/lib/config/config-error";

export const DEFAULT_SQLITE_PATH = path.join(".data", "steady-state.db");

export type DatabaseTarget =
  | { kind: "sqlite"; filename: string }
  | { kind: "postgres"; connectionString: string };

const ACCEPTED = "expected postgres://user:password@host:5432/database, file:/path/to/file.db, or unset for .data/steady-state.db";

/** The URL with its password replaced, so an error message never leaks a credential into the log. */
export function redactDatabaseUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*:)[^@]*@/i, "$1***@");
}

function invalid(url: string, why: string): ConfigError {
  return new ConfigError(`DATABASE_URL (${redactDatabaseUrl(url)}): ${why}; ${ACCEPTED}`);
}

function parsePostgres(url: string): DatabaseTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid(url, "not a valid URL");
  }
  // A Unix-socket URL (postgres:///db?host=/run/postgresql) has no hostname but names the host in the query.
  if (parsed.hostname === "" && !parsed.searchParams.get("host")) throw invalid(url, "no host");
  return { kind: "postgres", connectionString: url };
}

function parseSqliteFile(url: string): DatabaseTarget {
  let filename: string;
  try {
    filename = url.startsWith("file://") ? fileURLToPath(url) : url.slice("file:".length);
  } catch (error) {
    throw invalid(url, (error as Error).message);
  }
  if (filename.trim() === "") throw invalid(url, "no file name");
  return { kind: "sqlite", filename };
}

export function parseDatabaseUrl(value: string | undefined): DatabaseTarget {
  const url = value?.trim() ?? "";
  if (url === "") return { kind: "sqlite", filename: DEFAULT_SQLITE_PATH };
  if (/^postgres(ql)?:\/\//i.test(url)) return parsePostgres(url);
  if (/^file:/i.test(url)) return parseSqliteFile(url);
  throw invalid(url, "unsupported scheme");
}
