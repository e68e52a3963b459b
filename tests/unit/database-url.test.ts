import { describe, expect, it } from "vitest";
import { ConfigError } from "@/lib/config";
import { DEFAULT_SQLITE_PATH, parseDatabaseUrl } from "@/lib/store/database-url";

describe("parseDatabaseUrl", () => {
  it.each([
    ["unset", undefined, { kind: "sqlite", filename: DEFAULT_SQLITE_PATH }],
    ["empty", "  ", { kind: "sqlite", filename: DEFAULT_SQLITE_PATH }],
    ["postgres://", "postgres://app:pw@db.internal:5432/steady", { kind: "postgres", connectionString: "postgres://app:pw@db.internal:5432/steady" }],
    ["postgresql:// without a port", "postgresql://db.internal/steady", { kind: "postgres", connectionString: "postgresql://db.internal/steady" }],
    ["a Unix socket", "postgres:///steady?host=/run/postgresql", { kind: "postgres", connectionString: "postgres:///steady?host=/run/postgresql" }],
    ["file:relative", "file:data/ss.db", { kind: "sqlite", filename: "data/ss.db" }],
    ["file:///absolute", "file:///var/lib/steady/ss.db", { kind: "sqlite", filename: "/var/lib/steady/ss.db" }],
  ])("%s", (_case, value, target) => {
    expect(parseDatabaseUrl(value)).toEqual(target);
  });

  it.each([
    ["an unsupported scheme", "mysql://db/steady", "DATABASE_URL (mysql://db/steady): unsupported scheme"],
    ["a bare path", "/var/lib/ss.db", "DATABASE_URL (/var/lib/ss.db): unsupported scheme"],
    ["no host", "postgres:///steady", "DATABASE_URL (postgres:///steady): no host"],
    ["a bad port", "postgres://db:99999/steady", "DATABASE_URL (postgres://db:99999/steady): not a valid URL"],
    ["no file name", "file:", "DATABASE_URL (file:): no file name"],
    ["a file URL with a host", "file://server/share.db", "DATABASE_URL (file://server/share.db): File URL host must be"],
    // The password never reaches the log.
    ["a password in a bad URL", "postgres://app:s3cret@:5432/x", "DATABASE_URL (postgres://app:***@:5432/x)"],
  ])("refuses %s with a message naming DATABASE_URL", (_case, value, message) => {
    expect(() => parseDatabaseUrl(value)).toThrow(ConfigError);
    expect(() => parseDatabaseUrl(value)).toThrow(message);
  });

  it("lists the accepted forms in its message", () => {
    expect(() => parseDatabaseUrl("mongodb://x")).toThrow("expected postgres://user:password@host:5432/database, file:/path/to/file.db");
  });
});
