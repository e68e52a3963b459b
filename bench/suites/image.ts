// The container image's figures, from the Dockerfile's own COPY lines carried out against the build
// (scripts/lib/standalone-image.ts): how big the runtime bundle is, and how long `node server.js` takes
// from spawn to its first answered request — the health probe, and the overview a person opens first.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, waitForHttp } from "../../scripts/lib/ports";
import { assembleImage, readDockerfile } from "../../scripts/lib/standalone-image";
import { BENCH_AUTH_HEADERS, benchAuthEnv } from "../lib/bench-auth";
import { benchAwsEnv } from "../lib/sandbox-env";
import { round, summarise } from "../lib/stats";

export interface ImageFigures {
  bundleMb: number;
  coldStartToHealthS: ReturnType<typeof summarise>;
  coldStartToOverviewS: ReturnType<typeof summarise>;
}

export async function imageSuite(sandboxUrl: string, starts = 5): Promise<ImageFigures> {
  const dockerfile = readDockerfile();
  const imageDir = mkdtempSync(path.join(tmpdir(), "steadystate-bench-image-"));
  const toHealth: number[] = [];
  const toOverview: number[] = [];
  try {
    const bytes = assembleImage(process.cwd(), process.env.STEADYSTATE_DIST_DIR ?? ".next", imageDir, dockerfile);
    const [command, ...args] = dockerfile.cmd;
    for (let i = 0; i < starts; i++) {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const store = path.join(mkdtempSync(path.join(tmpdir(), "steadystate-bench-image-store-")), "store.db");
      const startedAt = performance.now();
      const child = spawn(command!, args, {
        cwd: imageDir,
        stdio: ["ignore", "ignore", "inherit"],
        env: {
          PATH: process.env.PATH,
          NODE_ENV: "production",
          PORT: String(port),
          HOSTNAME: "127.0.0.1",
          DATABASE_URL: `file:${store}`,
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
          ...benchAwsEnv(sandboxUrl),
          ...benchAuthEnv(url),
        },
      });
      try {
        await waitForHttp(`${url}/api/health`, 60_000);
        toHealth.push((performance.now() - startedAt) / 1000);
        const overview = await fetch(`${url}/`, { headers: BENCH_AUTH_HEADERS });
        if (overview.status !== 200) throw new Error(`bench: the image's overview answered ${overview.status}`);
        await overview.text();
        toOverview.push((performance.now() - startedAt) / 1000);
      } finally {
        child.kill("SIGKILL");
        rmSync(path.dirname(store), { recursive: true, force: true });
      }
    }
    return { bundleMb: round(bytes / 1024 / 1024), coldStartToHealthS: summarise(toHealth), coldStartToOverviewS: summarise(toOverview) };
  } finally {
    rmSync(imageDir, { recursive: true, force: true });
  }
}
