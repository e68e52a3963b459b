import { expect, test } from "@playwright/test";

test("the theme choice survives a reload without a flash (server-rendered data-theme)", async ({ page }) => {
  await page.goto("/audit");
  const html = page.locator("html");
  await expect(html).not.toHaveAttribute("data-theme", /.+/);
  // A click before hydration is lost, so retry the first one until the island is live.
  await expect(async () => {
    await page.getByRole("button", { name: /^System theme/ }).click();
    await expect(html).toHaveAttribute("data-theme", "light", { timeout: 1000 });
  }).toPass();
  await page.getByRole("button", { name: /^Light theme/ }).click();
  await expect(html).toHaveAttribute("data-theme", "dark");

  const response = await page.request.get("/audit");
  expect(await response.text()).toMatch(/<html[^>]*data-theme="dark"/);
  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "dark");
  await expect(page.getByRole("button", { name: /^Dark theme/ })).toBeVisible();
});

test("the overview refreshes itself and says how fresh it is", async ({ page }) => {
  await page.goto("/");
  const freshness = page.getByText(/as of \d\d:\d\d:\d\d UTC/);
  const first = await freshness.textContent();
  await expect(freshness).not.toHaveText(first ?? "", { timeout: 20_000 });
  await expect(page.getByRole("button", { name: /Auto-refresh/ })).toHaveAttribute("aria-pressed", "true");
});
