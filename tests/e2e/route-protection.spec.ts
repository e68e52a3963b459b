// Every route the build produced answers an unauthenticated GET and POST with a redirect to sign-in
// (pages) or 401 JSON (API): the list comes from the build's routes manifest, so a new route without
// protection fails here. Only the sign-in flow, static assets and the probes /api/health and /api/ready are open.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

test.use({ storageState: { cookies: [], origins: [] } });

/** Open by design; everything else must be protected. */
const OPEN = new Set(["/signin", "/api/auth/[...nextauth]", "/api/health", "/api/ready"]);
/** Static files served as routes (app/icon.svg); they reveal nothing and skip the proxy. */
const STATIC = new Set(["/icon.svg", "/favicon.ico"]);

const SAMPLE: Record<string, string> = {
  env: "sandbox",
  cluster: "production",
  service: "my-api",
  repo: "my-api",
  digest: `sha256:${"0".repeat(64)}`,
};

function builtRoutes(): string[] {
  const manifest = JSON.parse(readFileSync(".next/app-path-routes-manifest.json", "utf8")) as Record<string, string>;
  return [...new Set(Object.values(manifest))].sort();
}

const concrete = (route: string) => route.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_m, name: string) => SAMPLE[name] ?? "x");

test("the build has the routes this test knows how to call", () => {
  const routes = builtRoutes();
  expect(routes).toContain("/");
  expect(routes).toContain("/api/v1/services");
  expect(routes).toContain("/signin");
});

for (const route of builtRoutes().filter((r) => !OPEN.has(r) && !STATIC.has(r))) {
  test(`unauthenticated GET and POST ${route} are refused`, async ({ request }) => {
    const url = concrete(route);
    for (const method of ["GET", "POST"] as const) {
      const response = await request.fetch(url, { method, maxRedirects: 0 });
      if (route.startsWith("/api/")) {
        expect(response.status(), `${method} ${url}`).toBe(401);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
      } else {
        expect(response.status(), `${method} ${url}`).toBe(303);
        expect(response.headers().location, `${method} ${url}`).toMatch(/\/signin\?callbackUrl=%2F/);
      }
    }
  });
}

test("the open routes reveal nothing", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });
  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ status: "ready" });
  const signIn = await request.get("/signin");
  expect(signIn.status()).toBe(200);
  const html = await signIn.text();
  expect(html).not.toContain("123456789012");
  expect(html).not.toContain("my-api");
});
