// The bench signs in as scripts do: with an API token (a fresh random one per run) that a bench-only
// configuration file accepts. A token check is a hash and a map look-up, which the overview figures
// include, so the bench measures what a signed-in viewer costs.
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { newToken } from "../../lib/auth/tokens";
import { defaultConfigFile } from "../../lib/config/defaults";
import { BENCH_REGION } from "./sandbox-env";

const { token, entry } = newToken("bench", "viewer");
// The rollback suite starts operations, which needs a deployer.
const deployer = newToken("bench-deployer", "deployer");

/** Headers every bench request to the dashboard sends. */
export const BENCH_AUTH_HEADERS: Readonly<Record<string, string>> = { Authorization: `Bearer ${token}` };
export const BENCH_DEPLOYER_HEADERS: Readonly<Record<string, string>> = { Authorization: `Bearer ${deployer.token}` };

let configFile: string | undefined;

/** A bench configuration file accepting the bench's tokens, with `extra` top-level sections (e.g. notifications). */
export function benchConfigFileWith(extra: Record<string, unknown>): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "steadystate-bench-")), "config.json");
  writeFileSync(file, JSON.stringify({ ...defaultConfigFile({ AWS_REGION: BENCH_REGION }), auth: { tokens: [entry, deployer.entry] }, ...extra }));
  return file;
}

function benchConfigFile(): string {
  configFile ??= benchConfigFileWith({});
  return configFile;
}

/** What the dashboard needs to accept the bench's token: configuration and next-auth settings. */
export function benchAuthEnv(appUrl: string): Record<string, string> {
  return { STEADYSTATE_CONFIG: benchConfigFile(), NEXTAUTH_URL: appUrl, NEXTAUTH_SECRET: randomBytes(32).toString("base64url") };
}
