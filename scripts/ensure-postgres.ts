// Pretest step: the store tests need a Postgres. Use TEST_DATABASE_URL, the cluster this script started
// earlier, or postgres://postgres@127.0.0.1:5432/test when one answers. Otherwise, as root, install
// Debian's postgresql when missing and start a throw-away cluster (trust auth, a free port, data under
// /tmp) as the postgres user, leaving its URL in .data/test-postgres-url for the tests; not root, stop
// with the exact commands to run.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { freePort } from "./lib/ports";
import { DEFAULT_TEST_DATABASE_URL, STARTED_POSTGRES_URL_FILE, startedPostgresUrl } from "./lib/test-postgres-url";

const CLUSTER_DIR = "/tmp/steady-state-postgres";

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Debian installs the server binaries under /usr/lib/postgresql/<major>/bin, outside PATH. */
function postgresBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root).filter((major) => existsSync(path.join(root, major, "bin", "initdb")));
  const newest = majors.sort((a, b) => Number(b) - Number(a))[0];
  return newest && path.join(root, newest, "bin");
}

function asPostgres(command: string, args: string[]): void {
  execFileSync("runuser", ["-u", "postgres", "--", command, ...args], { stdio: "inherit" });
}

async function startThrowAwayCluster(): Promise<string> {
  let bin = postgresBin();
  if (!bin) {
    console.log("Postgres is missing: installing Debian's postgresql with apt-get…");
    execFileSync("apt-get", ["update"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "postgresql"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    bin = postgresBin();
    if (!bin) throw new Error("apt-get finished but no initdb is under /usr/lib/postgresql/*/bin");
  }
  const port = await freePort();
  const dataDir = path.join(CLUSTER_DIR, `data-${port}`);
  mkdirSync(CLUSTER_DIR, { recursive: true });
  execFileSync("chown", ["postgres:postgres", CLUSTER_DIR]);
  asPostgres(path.join(bin, "initdb"), ["-D", dataDir, "-U", "postgres", "-A", "trust", "--no-sync"]);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${CLUSTER_DIR} -c fsync=off`;
  asPostgres(path.join(bin, "pg_ctl"), ["-D", dataDir, "-l", path.join(dataDir, "server.log"), "-o", options, "-w", "start"]);
  execFileSync("runuser", ["-u", "postgres", "--", path.join(bin, "createdb"), "-h", "127.0.0.1", "-p", String(port), "test"], { stdio: "inherit" });
  return `postgres://postgres@127.0.0.1:${port}/test`;
}

async function ensurePostgres(): Promise<void> {
  const explicit = process.env.TEST_DATABASE_URL?.trim();
  if (explicit) {
    if (await answers(explicit)) return;
    console.error(`TEST_DATABASE_URL (${explicit}) does not answer. Start that Postgres, or unset TEST_DATABASE_URL to use a local one.`);
    process.exit(1);
  }
  const started = startedPostgresUrl();
  if (started && (await answers(started))) {
    console.log(`Store tests use the Postgres started earlier at ${started}`);
    return;
  }
  // Gone (a reboot cleared /tmp): forget it, or the tests would try it before the default.
  if (started) rmSync(STARTED_POSTGRES_URL_FILE, { force: true });
  if (await answers(DEFAULT_TEST_DATABASE_URL)) {
    console.log(`Store tests use Postgres at ${DEFAULT_TEST_DATABASE_URL}`);
    return;
  }
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      [
        `No Postgres answers at ${DEFAULT_TEST_DATABASE_URL}. Run npm test as root (it starts a throw-away one), or:`,
        "  sudo apt-get install -y postgresql && sudo service postgresql start",
        `  sudo -u postgres psql -c "alter user postgres password 'postgres'" -c "create database test"`,
        "  export TEST_DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/test",
      ].join("\n"),
    );
    process.exit(1);
  }
  const url = await startThrowAwayCluster();
  mkdirSync(path.dirname(STARTED_POSTGRES_URL_FILE), { recursive: true });
  writeFileSync(STARTED_POSTGRES_URL_FILE, `${url}\n`);
  console.log(`Started a throw-away Postgres for the store tests at ${url} (URL in ${STARTED_POSTGRES_URL_FILE})`);
}

ensurePostgres().catch((error: unknown) => {
  console.error(`Could not provide a Postgres for the store tests: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
