import { expect, test, type Locator, type Page } from "@playwright/test";
import { prodShaOf } from "./sandbox-truth";

// On-call engineers get paged on their phones: every page at 390 × 844, by touch, in light and dark.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

const TAP_PX = 44;

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, viewportWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, viewportWidth: window.innerWidth }));
  expect(scrollWidth, "the page scrolls sideways").toBeLessThanOrEqual(viewportWidth);
}

/** Visible, inside the screen's width, and (for things a finger taps) at least 44 px tall and wide enough. */
async function expectOnScreen(target: Locator, { tap = false } = {}): Promise<void> {
  await expect(target).toBeVisible();
  const box = await target.boundingBox();
  expect(box, "has a box").not.toBeNull();
  if (!box) return;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  if (tap) {
    expect(box.height, "tap target height").toBeGreaterThanOrEqual(TAP_PX);
    expect(box.width, "tap target width").toBeGreaterThanOrEqual(TAP_PX);
  }
}

/** Relative luminance (0–1) of a computed colour, resolved by the browser itself (oklch included). */
async function luminance(page: Page, selector: string, property: "color" | "backgroundColor"): Promise<number> {
  return page.evaluate(
    ([sel, prop]) => {
      const element = document.querySelector(sel) as HTMLElement;
      const canvas = document.createElement("canvas");
      canvas.width = canvas.height = 1;
      const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
      ctx.fillStyle = getComputedStyle(element)[prop as "color"];
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b] = [...ctx.getImageData(0, 0, 1, 1).data].map((v) => {
        const c = v / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
    },
    [selector, property] as const,
  );
}

const overviewRow = (page: Page, service: string) =>
  page
    .getByRole("table", { name: "Services in Sandbox / production" })
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: service, exact: true }) });

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`phone, ${colorScheme}`, () => {
    test.use({ colorScheme });

    test("the page follows the theme with readable text", async ({ page }) => {
      await page.goto("/");
      const background = await luminance(page, "body", "backgroundColor");
      const text = await luminance(page, "body", "color");
      if (colorScheme === "dark") expect(background).toBeLessThan(0.05);
      else expect(background).toBeGreaterThan(0.9);
      // WCAG contrast of body text against the page: at least 7:1.
      const contrast = (Math.max(background, text) + 0.05) / (Math.min(background, text) + 0.05);
      expect(contrast).toBeGreaterThanOrEqual(7);
    });

    test("the overview is one card per service with its name, revision, SHA, rollout, counts and CRITICAL flag", async ({ page }) => {
      const sha = await prodShaOf("production", "my-api", "my-api");
      await page.goto("/");
      await expectNoSidewaysScroll(page);
      for (const service of ["my-api", "web", "worker", "payments", "notifications"]) {
        await expectOnScreen(overviewRow(page, service).getByRole("link", { name: service, exact: true }), { tap: true });
      }
      const myApi = overviewRow(page, "my-api");
      await expectOnScreen(myApi.getByText(/^my-api:\d+$/));
      await expectOnScreen(myApi.getByRole("link", { name: `Commit ${sha}` }));
      await expectOnScreen(myApi.getByText("Rolled back"));
      await expectOnScreen(myApi.getByRole("progressbar", { name: "my-api tasks" }));
      const tasks = myApi.getByTitle("running / desired (pending)");
      await expectOnScreen(tasks);
      await expect(tasks).toHaveText(/^\d+\/\d+/);
      await expectOnScreen(overviewRow(page, "payments").getByRole("link", { name: /^The running image has \d+ critical findings?$/ }));
      await expectOnScreen(myApi.getByRole("button", { name: "Copy digest", exact: true }).first(), { tap: true });
    });

    test("the header navigates by touch and the overview filter works by touch", async ({ page }) => {
      await page.goto("/");
      const nav = page.getByRole("navigation", { name: "Main" });
      for (const name of ["Overview", "Repositories", "Audit"]) await expectOnScreen(nav.getByRole("link", { name }), { tap: true });
      await expectOnScreen(page.getByRole("button", { name: /theme/ }), { tap: true });
      await expectOnScreen(page.getByRole("button", { name: /Auto-refresh/ }), { tap: true });

      const filter = page.getByRole("searchbox", { name: "Filter services" });
      await expectOnScreen(filter, { tap: true });
      const production = page.getByRole("table", { name: "Services in Sandbox / production" });
      // Typing before hydration does not reach React, so retry until the filter island is live.
      await expect(async () => {
        await filter.tap();
        await filter.fill("payments");
        await expect(production.getByRole("link", { name: "my-api", exact: true })).toHaveCount(0, { timeout: 1000 });
      }).toPass();
      await expectOnScreen(production.getByRole("link", { name: "payments", exact: true }));
      await expectNoSidewaysScroll(page);

      await nav.getByRole("link", { name: "Repositories" }).tap();
      await expect(page).toHaveURL(/\/repositories$/);
      await expect(page.getByRole("heading", { level: 1, name: "Repositories" })).toBeVisible();
    });

    test("the service page: summary, deployments, tasks, events, revisions and history fit the screen", async ({ page }) => {
      const sha = await prodShaOf("production", "my-api", "my-api");
      await page.goto("/services/sandbox/production/my-api");
      await expectNoSidewaysScroll(page);
      await expectOnScreen(page.getByRole("heading", { level: 1, name: "my-api" }));
      await expectOnScreen(page.getByRole("list", { name: "Containers now running" }).getByRole("link", { name: `Commit ${sha}` }));
      const deployments = page.getByRole("table", { name: "Current deployments" });
      await expectOnScreen(deployments.getByText("PRIMARY"));
      await expectOnScreen(deployments.getByRole("progressbar").first());
      await expectOnScreen(page.getByRole("table", { name: "Running and pending tasks" }).getByRole("button", { name: "Copy digest", exact: true }).first(), { tap: true });
      await expectOnScreen(page.getByRole("heading", { name: "Recent events" }));
      const revisions = page.getByRole("table", { name: "Task-definition revisions" });
      await expectOnScreen(revisions.getByText("current", { exact: true }));
      await expectOnScreen(page.getByText("via ECS/CI").first());
      await expectOnScreen(page.getByRole("link", { name: "Overview", exact: true }).last(), { tap: true });
    });

    test("repositories, image history with its filters and pagination, and an image's findings fit the screen", async ({ page }) => {
      await page.goto("/repositories");
      await expectNoSidewaysScroll(page);
      await expectOnScreen(page.getByRole("table", { name: "ECR repositories in Sandbox" }).getByRole("link", { name: "payments", exact: true }), { tap: true });

      await page.goto("/repositories/sandbox/payments?severity=CRITICAL");
      await expectNoSidewaysScroll(page);
      await expectOnScreen(page.getByRole("heading", { level: 1, name: "payments" }));
      for (const control of [page.getByLabel("Text", { exact: true }), page.getByLabel("Minimum severity"), page.getByRole("button", { name: "Apply filters" })]) {
        await expectOnScreen(control, { tap: true });
      }
      const images = page.getByRole("table", { name: "Images, newest first" });
      const first = images.getByRole("row").filter({ has: page.getByRole("cell") }).first();
      await expectOnScreen(first.getByRole("img", { name: /\d+ critical/ }));
      await expectOnScreen(page.getByRole("navigation", { name: "Pagination" }));
      const digest = first.getByRole("link", { name: /^sha256:/ });
      await expectOnScreen(digest, { tap: true });

      await digest.tap();
      await expect(page).toHaveURL(/\/images\/sha256:[0-9a-f]{64}$/);
      await expectNoSidewaysScroll(page);
      const findings = page.getByRole("table", { name: "Scan findings" });
      await expectOnScreen(findings.getByText("CRITICAL", { exact: true }).first());
      // The sort buttons stay usable on a phone.
      const sort = findings.getByRole("button", { name: /Severity/ });
      await expectOnScreen(sort, { tap: true });
      await expect(async () => {
        await sort.tap();
        await expect(findings.getByRole("row").nth(1).getByRole("cell").first()).not.toHaveText("CRITICAL", { timeout: 1000 });
      }).toPass();
    });

    test("the audit and the error pages fit the screen", async ({ page }) => {
      await page.goto("/audit");
      await expectNoSidewaysScroll(page);
      const timeline = page.getByRole("list", { name: "Changes, newest first" });
      const entry = timeline.getByRole("listitem").filter({ hasText: "via ECS/CI" }).first();
      await expectOnScreen(entry.getByRole("link").first(), { tap: true });
      await expectOnScreen(entry.getByText("via ECS/CI"));

      const response = await page.goto("/services/sandbox/production/no-such-service");
      expect(response?.status()).toBe(404);
      await expectNoSidewaysScroll(page);
      await expectOnScreen(page.getByRole("heading", { level: 1 }));
      await expectOnScreen(page.getByRole("main").getByRole("link", { name: "Overview" }), { tap: true });

      await page.goto("/repositories/sandbox/my-api?page=abc");
      await expectNoSidewaysScroll(page);
      await expectOnScreen(page.getByText("This address is not valid"));
    });
  });
}
