// The container image, without a Docker engine: the Dockerfile's runtime COPY lines carried out against
// the real build into an empty folder, `node server.js` started there (the image's CMD) against a
// sandbox, and a person signs in, rolls a service back and reads the overview. A file the bundle needs
// at run time that the Dockerfile does not copy fails here.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { defaultConfigFile } from "@/lib/config/defaults";
import { freePort } from "../../scripts/lib/ports";
import { assembleImage, readDockerfile } from "../../scripts/lib/standalone-image";
import { DIST_DIR, sandboxAwsEnv, startProcess, startSandbox, type Started } from "./support/processes";
import { signInAsDemo, type CookieJar } from "./support/session";

const dockerfileText = readFileSync("Dockerfile", "utf8");
const dockerfile = readDockerfile();
const imageDir = mkdtempSync(path.join(tmpdir(), "steadystate-image-"));
const scratch = mkdtempSync(path.join(tmpdir(), "steadystate-image-config-"));
let sandbox: Started;
let app: Started;
let deployer: CookieJar;

beforeAll(async () => {
  if (!existsSync(path.join(DIST_DIR, "standalone", "server.js"))) {
    throw new Error(`No standalone build in ${DIST_DIR}: run \`npx next build\` (with STEADYSTATE_DIST_DIR=${DIST_DIR} if not .next) first`);
  }
  assembleImage(process.cwd(), DIST_DIR, imageDir, dockerfile);
  sandbox = await startSandbox();
  const configFile = path.join(scratch, "config.json");
  writeFileSync(configFile, JSON.stringify(defaultConfigFile({ AWS_REGION: "ap-south-1" })));
  const port = await freePort();
  const [command, ...args] = dockerfile.cmd;
  // Only what a task definition would set: no inherited NODE_PATH or project folder to lean on.
  app = await startProcess(command!, args, {
    cwd: imageDir,
    port,
    readyPath: "/api/health",
    env: {
      PATH: process.env.PATH,
      // The runtime stage's ENV lines (NODE_ENV, NEXT_MANUAL_SIG_HANDLE…), then what the test must choose itself.
      ...dockerfile.env,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      STEADYSTATE_CONFIG: configFile,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      DATABASE_URL: `file:${path.join(scratch, "store.db")}`,
      ...sandboxAwsEnv(sandbox.url),
    },
  });
  deployer = await signInAsDemo(app.url, "deployer");
});

afterAll(async () => {
  await app?.stop("SIGKILL");
  await sandbox?.stop();
  rmSync(imageDir, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

describe("the Dockerfile", () => {
  test("builds as the suites do, runs as a non-root user and is stopped and probed as ECS expects", () => {
    expect(dockerfile.buildCommand).toBe("npx next build");
    expect(dockerfile.cmd).toEqual(["node", "server.js"]);
    expect(dockerfileText).toMatch(/^USER node$/m);
    expect(dockerfileText).toMatch(/^STOPSIGNAL SIGTERM$/m);
    expect(dockerfileText).toMatch(/^HEALTHCHECK [^\n]*\\\n[^\n]*\/api\/health/m);
  });

  test("sets the environment the server needs to own its shutdown", () => {
    expect(dockerfile.env).toMatchObject({ NODE_ENV: "production", NEXT_MANUAL_SIG_HANDLE: "true" });
  });

  test("the image folder holds only the standalone bundle and the static assets", () => {
    expect(readdirSync(imageDir).sort()).toEqual([DIST_DIR, "node_modules", "package.json", "server.js"].sort());
    expect(readdirSync(path.join(imageDir, DIST_DIR))).toContain("static");
    expect(existsSync(path.join(imageDir, "node_modules", "typescript"))).toBe(false);
  });
});

describe("node server.js from the image folder", () => {
  const api = (pathname: string, init: RequestInit = {}) =>
    fetch(`${app.url}${pathname}`, { ...init, headers: { Cookie: deployer.header(), Origin: app.url, ...init.headers } });

  test("serves the overview, with its stylesheet, to a signed-in person", async () => {
    const page = await api("/");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("payments");
    const stylesheet = /href="(\/_next\/static\/[^"]+\.css)"/.exec(html)?.[1];
    expect(stylesheet).toBeDefined();
    expect((await api(stylesheet!)).status).toBe(200);
  });

  test("rolls payments back and follows the rollout to its outcome", async () => {
    const base = "/api/v1/services/sandbox/production/payments";
    const plan = (await (await api(`${base}/plan?suggested=1`)).json()) as { current: { taskDefinitionArn: string }; target: { taskDefinitionArn: string } };
    const started = await api(`${base}/operations`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": `image-${randomUUID()}` },
      body: JSON.stringify({ action: "rollback", target: { suggested: true }, reason: "image test: roll payments back", expectedTaskDefinition: plan.current.taskDefinitionArn }),
    });
    expect(started.status).toBe(202);
    const { operation } = (await started.json()) as { operation: { id: string } };

    let status = "running";
    for (let step = 0; step < 60 && status === "running"; step++) {
      await fetch(`${sandbox.url}/_sandbox/clock`, { method: "POST", body: JSON.stringify({ advanceMs: 15_000 }) });
      await new Promise((resolve) => setTimeout(resolve, 1100));
      status = ((await (await api(`/api/v1/operations/${operation.id}`)).json()) as { status: string }).status;
    }
    expect(status).toBe("succeeded");

    // The overview, read fresh by the same server, shows payments on the revision it was rolled back to.
    const overview = (await (await api("/api/v1/services")).json()) as {
      environments: Array<{ clusters: Array<{ name: string; services: Array<{ name: string; revision: { arn: string } }> }> }>;
    };
    const payments = overview.environments[0]?.clusters.find((c) => c.name === "production")?.services.find((s) => s.name === "payments");
    expect(payments?.revision.arn).toBe(plan.target.taskDefinitionArn);
  });
});

describe("stopping the container", () => {
  test("SIGTERM (docker stop, ECS) drains and exits 0, before the 10 s after which ECS kills the task", async () => {
    const code = await app.stop("SIGTERM", 10_000);
    expect(code).toBe(0);
    expect(app.output()).toMatch(/shutdown: SIGTERM: draining/);
    expect(app.output()).toMatch(/shutdown: done in \d+ ms; exiting 0/);
  });
});
