// Security headers on every response, pages that render and hydrate under the nonce CSP with no CSP
// errors in the console, malformed URLs answered 4xx, and cross-site server-action POSTs refused.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

test("pages carry a nonce CSP and the other security headers; HSTS only over HTTPS", async ({ request }) => {
  const response = await request.get("/");
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeDefined();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["strict-transport-security"]).toBeUndefined();
  // Next put the request's nonce on its scripts.
  expect(await response.text()).toContain(`nonce="${nonce}"`);
  const second = /'nonce-([^']+)'/.exec((await request.get("/")).headers()["content-security-policy"] ?? "")?.[1];
  expect(second).not.toBe(nonce);

  const https = await request.get("/api/v1/services", { headers: { "X-Forwarded-Proto": "https" } });
  expect(https.headers()["strict-transport-security"]).toContain("max-age=");
  expect(https.headers()["x-content-type-options"]).toBe("nosniff");
});

test("every page renders and hydrates under the CSP without a CSP error", async ({ page, request }) => {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || /Content[- ]Security[- ]Policy/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  const list = (await (await request.get("/api/v1/repositories/sandbox/my-api/images?pageSize=1")).json()) as { images: Array<{ digest: string }> };
  const digest = list.images[0]?.digest ?? "";
  for (const path of ["/", "/repositories", "/audit", "/services/sandbox/production/my-api", "/repositories/sandbox/my-api", `/repositories/sandbox/my-api/images/${digest}`]) {
    await page.goto(path);
    await expect(page.getByTestId("user-menu")).toBeVisible();
    // A client island works only after hydration: the theme toggle changes the page when clicked.
    const html = page.locator("html");
    await expect(async () => {
      await page.getByRole("button", { name: /theme/ }).first().click();
      await expect(html).toHaveAttribute("data-theme", /.+/, { timeout: 1000 });
    }).toPass();
  }
  expect(problems).toEqual([]);
});

test.describe("malformed percent-encoding", () => {
  for (const path of ["/api/v1/services/sandbox/production/%ff", "/api/v1/services/sandbox/production/%", "/api/v1/repositories/sandbox/%E0%A4%A/images"]) {
    test(`${path} answers 400 JSON`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(400);
      expect(response.headers()["content-type"]).toContain("application/json");
      expect(((await response.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: "bad_request", message: expect.stringContaining("percent-encoding") });
    });
  }

  test("a page with one answers 400 HTML", async ({ request }) => {
    const response = await request.get("/services/sandbox/production/%ff");
    expect(response.status()).toBe(400);
    expect(response.headers()["content-type"]).toContain("text/html");
  });
});

test("a cross-site POST to a server action is refused and changes nothing", async ({ request }) => {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, unknown> };
  const actionIds = Object.keys(manifest.node);
  expect(actionIds.length).toBeGreaterThan(0);
  for (const actionId of actionIds) {
    const response = await request.post("/", {
      headers: { "Next-Action": actionId, Origin: "http://evil.example", "Content-Type": "text/plain;charset=UTF-8" },
      data: "[]",
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
  }
  // The sign-out action did not run: the session still reads the API.
  expect((await request.get("/api/v1/services")).status()).toBe(200);
});
