// Dashboard replicas for the built suites: `npm start` exactly as package.json has it (so the test runs
// with the environment that script sets), several on one fresh Postgres database, signed in with an API
// token that the shared configuration file accepts.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { newToken } from "@/lib/auth/tokens";
import { defaultConfigFile } from "@/lib/config/defaults";
import { freePort } from "../../../scripts/lib/ports";
import { DIST_DIR, sandboxAwsEnv, startProcess, type Started } from "./processes";

export interface ReplicaSet {
  /** `Authorization` header of a deployer's API token. */
  deployer: Record<string, string>;
  start(): Promise<Started>;
  dispose(): void;
}

/** Replicas of one dashboard: one configuration (with `deploy` settings), one database, one sandbox. */
export function replicaSet(options: { sandboxUrl: string; databaseUrl: string; deploy: Record<string, number> }): ReplicaSet {
  const scratch = mkdtempSync(path.join(tmpdir(), "steadystate-replicas-"));
  const { token, entry } = newToken("replicas-deployer", "deployer");
  const configFile = path.join(scratch, "config.json");
  writeFileSync(configFile, JSON.stringify({ ...defaultConfigFile({ AWS_REGION: "ap-south-1" }), deploy: options.deploy, auth: { tokens: [entry] } }));
  const startScript = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } }).scripts.start;
  // Every replica shares the session secret, as replicas behind one load balancer must.
  const secret = randomBytes(32).toString("base64url");
  return {
    deployer: { Authorization: `Bearer ${token}` },
    async start() {
      const port = await freePort();
      // bash runs the one command of the script in its own process (exec), so the child is the server.
      return startProcess("bash", ["-c", startScript], {
        port,
        readyPath: "/api/health",
        env: {
          ...process.env,
          NODE_ENV: "production",
          PORT: String(port),
          STEADYSTATE_DIST_DIR: DIST_DIR,
          STEADYSTATE_CONFIG: configFile,
          NEXTAUTH_URL: `http://127.0.0.1:${port}`,
          NEXTAUTH_SECRET: secret,
          DATABASE_URL: options.databaseUrl,
          ...sandboxAwsEnv(options.sandboxUrl),
        },
        timeoutMs: 120_000,
      });
    },
    dispose: () => rmSync(scratch, { recursive: true, force: true }),
  };
}
