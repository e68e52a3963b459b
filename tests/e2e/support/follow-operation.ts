// Follows an operation page the way a person would watch it, while moving the sandbox's clock on so
// ECS's rollout (tasks starting, the circuit breaker, bake time) plays out in seconds. Records every
// status the page showed, so a journey can assert "never succeeded".
import { expect, type Page } from "@playwright/test";
import { advanceClock } from "./sandbox-control";

const STEPS = 60;

const statusOf = (page: Page) => page.locator("[data-status]").first().getAttribute("data-status");

/** Moves the sandbox on by `stepMs` at a time (the page polls every second) until `reached` holds. */
export async function advanceUntil(page: Page, reached: () => Promise<boolean>, stepMs: number, what: string): Promise<void> {
  for (let i = 0; i < STEPS; i++) {
    if (await reached()) return;
    await advanceClock(stepMs);
    await page.waitForTimeout(1100);
  }
  throw new Error(`not reached after ${STEPS} steps of ${stepMs} ms: ${what}`);
}

export async function followToOutcome(page: Page, stepMs = 15_000): Promise<{ final: string | null; seen: Set<string> }> {
  const seen = new Set<string>();
  let final: string | null = null;
  await advanceUntil(
    page,
    async () => {
      final = await statusOf(page);
      if (final) seen.add(final);
      return final !== null && final !== "running";
    },
    stepMs,
    "an outcome",
  );
  return { final, seen };
}

export async function expectOperationPage(page: Page): Promise<void> {
  await expect(page).toHaveURL(/\/operations\/[0-9a-f-]{36}$/);
}
