import { expect, test } from "@playwright/test";

test("the service page shows deployments, tasks, events and revisions of production/my-api", async ({ page }) => {
  await page.goto("/");
  await page
    .getByRole("table", { name: "Services in Sandbox / production" })
    .getByRole("link", { name: "my-api", exact: true })
    .click();
  await expect(page).toHaveURL(/\/services\/sandbox\/production\/my-api$/);
  await expect(page.getByRole("heading", { level: 1, name: "my-api" })).toBeVisible();

  const deployments = page.getByRole("table", { name: "Current deployments" });
  await expect(deployments.getByText("PRIMARY")).toBeVisible();
  await expect(deployments.getByRole("progressbar").first()).toBeVisible();

  const tasks = page.getByRole("table", { name: "Running and pending tasks" });
  await expect(tasks.getByRole("row").nth(1)).toBeVisible();
  await expect(tasks.getByRole("button", { name: "Copy digest", exact: true }).first()).toBeVisible();

  await expect(page.getByRole("heading", { name: "Recent events" })).toBeVisible();

  const revisions = page.getByRole("table", { name: "Task-definition revisions" });
  await expect(revisions.getByText("current", { exact: true })).toHaveCount(1);
  await expect(revisions.getByText("ACTIVE", { exact: true }).first()).toBeVisible();

  await expect(page.getByRole("heading", { name: "Deployment history" })).toBeVisible();
  await expect(page.getByText("via ECS/CI").first()).toBeVisible();
});
