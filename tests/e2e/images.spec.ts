import { expect, test } from "@playwright/test";

test.describe("image history and findings", () => {
  test("filter my-api's images to CRITICAL and open the findings of one", async ({ page }) => {
    await page.goto("/repositories");
    await page.getByRole("table", { name: "ECR repositories in Sandbox" }).getByRole("link", { name: "my-api", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "my-api" })).toBeVisible();
    await expect(page.getByText("Lifecycle policy")).toBeVisible();

    await page.getByLabel("Minimum severity").selectOption("CRITICAL");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/severity=CRITICAL/);

    const images = page.getByRole("table", { name: "Images, newest first" });
    const rows = images.getByRole("row").filter({ has: page.getByRole("cell") });
    await expect(rows.first()).toBeVisible();
    const count = await rows.count();
    for (let i = 0; i < count; i += 1) {
      await expect(rows.nth(i).getByRole("img", { name: /\d+ critical/ })).toBeVisible();
    }

    await rows.first().getByRole("link", { name: /^sha256:/ }).click();
    await expect(page).toHaveURL(/\/images\/sha256:[0-9a-f]{64}$/);
    const findings = page.getByRole("table", { name: "Scan findings" });
    await expect(findings.getByRole("row").nth(1).getByText("CRITICAL", { exact: true })).toBeVisible();
    await expect(findings.getByRole("link", { name: /^CVE-/ }).first()).toHaveAttribute("href", /^https?:\/\//);
  });

  test("findings sort by severity, CRITICAL first, and can be reversed", async ({ page }) => {
    await page.goto("/repositories/sandbox/my-api?severity=CRITICAL");
    await page.getByRole("table", { name: "Images, newest first" }).getByRole("link", { name: /^sha256:/ }).first().click();
    const findings = page.getByRole("table", { name: "Scan findings" });
    const firstSeverity = findings.getByRole("row").nth(1).getByRole("cell").first();
    await expect(firstSeverity).toHaveText("CRITICAL");
    await findings.getByRole("button", { name: /Severity/ }).click();
    await expect(firstSeverity).not.toHaveText("CRITICAL");
  });

  test("the filter form works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/repositories/sandbox/payments");
    await page.getByLabel("Production images only").check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/prod=1/);
    await expect(page.getByRole("table", { name: "Images, newest first" })).toBeVisible();
    await context.close();
  });
});
