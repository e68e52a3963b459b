// A Postgres database of its own, for suites that run servers against Postgres (the replica tests, the
// replicas bench): created on the test server (scripts/lib/test-postgres-url.ts) and dropped after.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { testDatabaseUrl } from "../../scripts/lib/test-postgres-url";

export interface PostgresDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function freshPostgresDatabase(prefix = "steadystate"): Promise<PostgresDatabase> {
  const admin = testDatabaseUrl();
  const name = `${prefix}_${randomUUID().replaceAll("-", "")}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: admin });
    try {
      await client.connect();
    } catch (error) {
      throw new Error(`Postgres is unreachable at ${admin} (${(error as Error).message}); run \`npx tsx scripts/ensure-postgres.ts\` or set TEST_DATABASE_URL`);
    }
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}
