// The Audit page as the "what changed?" timeline: filters in the URL, cursor paging, export links, a
// clear 400 for bad filters, and a phone-sized screen without sideways scrolling, light and dark.
import { expect, test, type Page } from "@playwright/test";

const entries = (page: Page) => page.getByRole("list", { name: "Changes, newest first" }).getByRole("listitem");

test("filters the timeline by service and outcome through the form", async ({ page }) => {
  await page.goto("/audit?window=30d");
  await expect(page.getByRole("heading", { name: "What changed?" })).toBeVisible();
  await expect(page.getByText(/as of \d\d:\d\d:\d\d UTC/)).toBeVisible();
  expect(await entries(page).count()).toBeGreaterThan(3);

  await page.getByLabel("Service").fill("my-api");
  await page.getByLabel("Outcome").selectOption("rolled_back");
  await page.getByRole("button", { name: "Apply" }).press("Enter");
  await expect(page).toHaveURL(/service=my-api/);
  await expect(page).toHaveURL(/outcome=rolled_back/);
  await expect(entries(page).first()).toContainText("my-api");
  for (const item of await entries(page).all()) {
    await expect(item).toContainText("rolled back");
    await expect(item).toContainText("my-api");
  }
  // CI's deployment names the commit it shipped, read from the revision's prod-<sha> image, linked to the repository.
  const commit = entries(page).first().getByRole("link", { name: /^commit [0-9a-f]{7} \(app\)$/ });
  await expect(commit).toHaveAttribute("href", /\/my-api\/commit\/[0-9a-f]{40}$/);
});

test("pages to older changes with the cursor and back to the newest", async ({ page }) => {
  await page.goto("/audit?window=30d&limit=3");
  const firstPage = await entries(page).allTextContents();
  expect(firstPage).toHaveLength(3);
  await page.getByRole("link", { name: "Older →" }).click();
  await expect(page).toHaveURL(/cursor=/);
  const secondPage = await entries(page).allTextContents();
  expect(secondPage.length).toBeGreaterThan(0);
  expect(secondPage.some((text) => firstPage.includes(text))).toBe(false);
  await page.getByRole("link", { name: "← Newest" }).click();
  await expect(page).not.toHaveURL(/cursor=/);
  await expect(entries(page)).toHaveCount(3);
});

test("exports the filtered timeline as CSV and JSON", async ({ page }) => {
  await page.goto("/audit?window=30d&service=payments");
  const csvHref = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  expect(csvHref).toMatch(/^\/api\/v1\/timeline\?.*service=payments.*format=csv$/);
  const csv = await page.request.get(csvHref ?? "");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(csv.headers()["content-disposition"]).toMatch(/attachment; filename="timeline-.*\.csv"/);
  const lines = (await csv.text()).trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^at,finished_at,source,environment,cluster,service,/);
  expect(lines.length).toBeGreaterThan(1);
  expect(lines.slice(1).every((line) => line.includes(",payments,"))).toBe(true);

  const json = await page.request.get((await page.getByRole("link", { name: "Export JSON" }).getAttribute("href")) ?? "");
  const body = (await json.json()) as { entries: Array<{ service: string }>; truncated: boolean };
  expect(body.truncated).toBe(false);
  expect(body.entries).toHaveLength(lines.length - 1);
});

test("answers bad filters with a 400 that says what is wrong", async ({ page }) => {
  const response = await page.goto("/audit?outcome=exploded");
  expect(response?.status()).toBe(400);
  await expect(page.getByText("Timeline filter: outcome:")).toBeVisible();
  const api = await page.request.get("/api/v1/timeline?window=2w");
  expect(api.status()).toBe(400);
  expect(((await api.json()) as { error: { message: string } }).error.message).toMatch(/^window:/);
  const format = await page.request.get("/api/v1/timeline?format=xml");
  expect(format.status()).toBe(400);
  expect(((await format.json()) as { error: { message: string } }).error.message).toBe("format: must be csv or json");
});

for (const theme of ["light", "dark"] as const) {
  test(`works on a 390-px phone in ${theme} without sideways scrolling`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/audit?window=30d");
    await expect(entries(page).first()).toBeVisible();
    // The page's own content: nothing in <main> reaches past the screen's edge (the shell's header is
    // the phone-layout work's, checked by its own spec).
    const widest = await page.evaluate(() => Math.max(...[...document.querySelectorAll("main *")].map((e) => e.getBoundingClientRect().right)));
    expect(widest).toBeLessThanOrEqual(390);
    await expect(page.getByLabel("Service")).toBeVisible();
    await expect(page.getByRole("link", { name: "Export CSV" })).toBeVisible();
  });
}
