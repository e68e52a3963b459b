import { expect, test } from "@playwright/test";
import { prodShaOf } from "./sandbox-truth";

test.describe("overview", () => {
  test("lists the services of production and staging read from the sandbox", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "What's in prod" })).toBeVisible();
    const production = page.getByRole("table", { name: "Services in Sandbox / production" });
    const staging = page.getByRole("table", { name: "Services in Sandbox / staging" });
    for (const service of ["my-api", "web", "worker", "payments", "notifications"]) {
      await expect(production.getByRole("link", { name: service, exact: true })).toBeVisible();
    }
    await expect(staging.getByRole("link", { name: "my-api", exact: true })).toBeVisible();
    await expect(page.getByText(/as of \d\d:\d\d:\d\d UTC/)).toBeVisible();
  });

  test("shows which SHA is in prod for production/my-api", async ({ page }) => {
    const sha = await prodShaOf("production", "my-api", "my-api");
    await page.goto("/");
    const row = page
      .getByRole("table", { name: "Services in Sandbox / production" })
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: "my-api", exact: true }) });
    const commit = row.getByRole("link", { name: `Commit ${sha}` });
    await expect(commit).toBeVisible();
    await expect(commit).toHaveText(sha.slice(0, 7));
    await expect(commit).toHaveAttribute("href", new RegExp(`/commit/${sha}$`));
  });

  test("flags production/payments for running an image with a CRITICAL finding, linked to its findings", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveTitle("Overview · Steady State");
    await expect(page.getByRole("list", { name: "Rollout summary" }).getByText(/^([2-9]|\d{2,}) services running CRITICAL findings$|^1 service running CRITICAL findings$/)).toBeVisible();
    const row = page
      .getByRole("table", { name: "Services in Sandbox / production" })
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: "payments", exact: true }) });
    const flag = row.getByRole("link", { name: /^The running image has \d+ critical findings?$/ });
    await expect(flag).toBeVisible();
    await flag.click();
    await expect(page).toHaveURL(/\/repositories\/sandbox\/payments\/images\/sha256:[0-9a-f]{64}$/);
    await expect(page.getByText("CRITICAL").first()).toBeVisible();
  });

  test("a service link navigates in the page, without a document reload, and prefetches nothing", async ({ page }) => {
    const prefetched: string[] = [];
    page.on("request", (request) => {
      if (request.headers()["next-router-prefetch"] && /\/(services|repositories)\/sandbox\//.test(request.url())) prefetched.push(request.url());
    });
    await page.goto("/");
    // Scripts loaded and hydrated, rows in view: a next/link row link would have been prefetched by now.
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(1000);
    expect(prefetched).toEqual([]);

    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await page.getByRole("table", { name: "Services in Sandbox / production" }).getByRole("link", { name: "my-api", exact: true }).click();
    await expect(page).toHaveURL(/\/services\/sandbox\/production\/my-api$/);
    await expect(page.getByRole("heading", { level: 1, name: "my-api" })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  });

  test("filters services as you type and keeps the filter in the URL", async ({ page }) => {
    await page.goto("/");
    const production = page.getByRole("table", { name: "Services in Sandbox / production" });
    // Typing before hydration does not reach React, so retry until the filter island is live.
    await expect(async () => {
      await page.getByRole("searchbox", { name: "Filter services" }).fill("payments");
      await expect(production.getByRole("link", { name: "my-api", exact: true })).toHaveCount(0, { timeout: 1000 });
    }).toPass();
    await expect(production.getByRole("link", { name: "payments", exact: true })).toBeVisible();
    await expect(page).toHaveURL(/\?q=payments$/);

    await page.reload();
    await expect(page.getByRole("searchbox", { name: "Filter services" })).toHaveValue("payments");
    await expect(production.getByRole("link", { name: "my-api", exact: true })).toHaveCount(0);
  });

  test("the filter applies on first paint, without JavaScript, and counts what it shows", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/?q=payments");
    const production = page.getByRole("table", { name: "Services in Sandbox / production" });
    await expect(production.getByRole("link", { name: "payments", exact: true })).toBeVisible();
    await expect(production.getByRole("link", { name: "my-api", exact: true })).toHaveCount(0);
    await expect(page.getByText(/^\d+ of \d+ services$/)).toBeVisible();

    await page.goto("/?q=no-such-service-anywhere");
    await expect(page.getByText("No service matches the filter")).toBeVisible();
    await expect(page.getByRole("table", { name: "Services in Sandbox / production" })).toHaveCount(0);
    await context.close();
  });

  test("the filter still applies after an auto-refresh re-renders the rows", async ({ page }) => {
    await page.goto("/");
    const production = page.getByRole("table", { name: "Services in Sandbox / production" });
    const filter = page.getByRole("searchbox", { name: "Filter services" });
    await expect(async () => {
      await filter.fill("payments");
      await expect(production.getByRole("link", { name: "my-api", exact: true })).toHaveCount(0, { timeout: 1000 });
    }).toPass();
    await expect(page.getByText(/^\d+ of \d+ services$/)).toBeVisible();

    // The "as of" time is the data's fetch time: it moves only when a refresh brought new rows.
    const asOf = page.locator("time", { hasText: /^\d\d:\d\d:\d\d UTC$/ });
    const before = await asOf.getAttribute("datetime");
    await expect(asOf).not.toHaveAttribute("datetime", before ?? "", { timeout: 30_000 });

    await expect(production.getByRole("link", { name: "payments", exact: true })).toBeVisible();
    await expect(production.getByRole("link", { name: "my-api", exact: true })).toHaveCount(0);
    await expect(filter).toHaveValue("payments");
    await filter.fill("");
    await expect(production.getByRole("link", { name: "my-api", exact: true })).toBeVisible();
    await expect(page).toHaveURL(/\/$/);
  });

  test("a copy button puts the full digest on the clipboard and confirms it", async ({ browser }) => {
    const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    await page.goto("/");
    const copy = page
      .getByRole("table", { name: "Services in Sandbox / production" })
      .getByRole("button", { name: "Copy digest", exact: true })
      .first();
    const digest = (await copy.getAttribute("data-copy")) ?? "";
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    // A click before hydration reaches no listener, so retry until the copy island is live.
    await expect(async () => {
      await copy.click();
      await expect(copy).toHaveAttribute("data-copied", "", { timeout: 1000 });
    }).toPass();
    await expect(page.getByRole("status").filter({ hasText: `Copied digest ${digest}` })).toBeAttached();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(digest);
    // The confirmation is transient: the icon turns back into "copy".
    await expect(copy).not.toHaveAttribute("data-copied");
    await context.close();
  });

  test("`/` focuses the filter from anywhere on the page", async ({ page }) => {
    await page.goto("/");
    const filter = page.getByRole("searchbox", { name: "Filter services" });
    await expect(filter).not.toBeFocused();
    await expect(async () => {
      await page.getByRole("heading", { level: 1 }).click();
      await page.keyboard.press("/");
      await expect(filter).toBeFocused({ timeout: 1000 });
    }).toPass();
    await page.keyboard.type("worker");
    await expect(filter).toHaveValue("worker");
  });

  test("the skip link and the navigation work from the keyboard", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  });
});
