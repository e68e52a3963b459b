// Debian's chromium through Playwright for `npm run screenshots`: one signed-in browser context per
// variant (theme × device), and a shot that waits for the page to be settled and fails loudly when the
// page did not load, showed an error, or never reached the state the shot is meant to show.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { signInAsDemo } from "../../tests/e2e/support/sign-in";
import { contextOptions, variantLabel, type Variant } from "./screenshot-shots";

/** A shot that could not be taken; the script prints the message and exits non-zero. */
export class ShotError extends Error {}

const READY_TIMEOUT_MS = 30_000;

export function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  return chromium
    .launch({
      executablePath,
      // The flags playwright.config.ts gives the e2e suite's chromium on these machines.
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    })
    .catch((error: unknown) => {
      throw new ShotError(`could not start chromium at ${executablePath} (\`npx tsx scripts/ensure-chromium.ts\` installs it): ${String(error).split("\n")[0]}`);
    });
}

export interface Session {
  variant: Variant;
  context: BrowserContext;
  page: Page;
}

/** A context for the variant, signed in as the demo deployer (who sees "Roll back" and "Stop"). */
export async function openSession(browser: Browser, baseURL: string, variant: Variant): Promise<Session> {
  const context = await browser.newContext({ ...contextOptions(variant), baseURL });
  try {
    await signInAsDemo(context.request, "deployer");
  } catch (error) {
    throw new ShotError(`could not sign in as the demo deployer (${variantLabel(variant)}): ${String(error)}`);
  }
  return { variant, context, page: await context.newPage() };
}

/** Opens `url` and fails unless it answers 2xx and `ready` becomes visible. */
export async function openPage(page: Page, url: string, ready: (page: Page) => Locator, what: string): Promise<void> {
  const response = await page.goto(url, { waitUntil: "load" }).catch((error: unknown) => {
    throw new ShotError(`${what}: ${url} did not load: ${String(error)}`);
  });
  if (!response?.ok()) throw new ShotError(`${what}: ${url} answered ${response?.status() ?? "nothing"}`);
  await ready(page)
    .first()
    .waitFor({ state: "visible", timeout: READY_TIMEOUT_MS })
    .catch(() => {
      throw new ShotError(`${what}: ${url} loaded but never showed what the shot needs (${ready(page).toString()})`);
    });
}

/**
 * Waits until the page is settled: web fonts loaded, no request in flight for a moment (the overview
 * and timeline refresh themselves and the operation page polls every second, so this is capped rather
 * than required), nothing marked busy and no error callout.
 */
async function settle(page: Page, what: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForLoadState("networkidle", { timeout: 3_000 }).catch(() => undefined);
  const busy = page.locator('[aria-busy="true"]');
  await busy.first().waitFor({ state: "detached", timeout: READY_TIMEOUT_MS }).catch(() => {
    throw new ShotError(`${what}: the page stayed busy (aria-busy) for ${READY_TIMEOUT_MS / 1000} s`);
  });
  // Next's route announcer is an always-present, empty role="alert": only an alert that says something counts.
  const alert = page.getByRole("alert").filter({ visible: true, hasText: /\S/ });
  if ((await alert.count()) > 0) throw new ShotError(`${what}: the page shows an error: ${(await alert.first().innerText()).replace(/\s+/g, " ")}`);
  await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * Scrolls as little as it takes to show all of `focus` (its bottom at the viewport's bottom), never so
 * far that its top hides under the sticky header: what a person scrolls to when they watch that part.
 */
async function bringIntoView(focus: Locator): Promise<void> {
  await focus.first().evaluate((element) => {
    const header = [...document.querySelectorAll("header")].find((h) => getComputedStyle(h).position === "sticky");
    const box = element.getBoundingClientRect();
    const top = box.top + window.scrollY - (header?.offsetHeight ?? 0) - 16;
    const bottom = box.bottom + window.scrollY - window.innerHeight + 16;
    window.scrollTo(0, Math.max(0, Math.min(top, bottom)));
  });
}

/** The viewport as a person on that device sees it (not the full page: phone pages are long), at the top or at `focus`. */
export async function shoot(page: Page, file: string, what: string, focus?: Locator): Promise<void> {
  await settle(page, what);
  if (focus) await bringIntoView(focus);
  mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, animations: "disabled", caret: "hide" }).catch((error: unknown) => {
    throw new ShotError(`${what}: the screenshot failed: ${String(error)}`);
  });
}
