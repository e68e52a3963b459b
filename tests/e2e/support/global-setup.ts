// Signs in once as the demo viewer and saves the session for every spec (playwright.config.ts
// `storageState`). Specs about signing in start from an empty state instead.
import { tmpdir } from "node:os";
import path from "node:path";
import { request, type FullConfig } from "@playwright/test";
import { signInAsDemo } from "./sign-in";

// Outside test-results/, which Playwright empties before the tests run.
export const VIEWER_STATE = path.join(tmpdir(), "steadystate-e2e", "demo-viewer.json");

export default async function globalSetup(config: FullConfig): Promise<void> {
  const baseURL = config.projects[0]?.use.baseURL;
  const context = await request.newContext({ baseURL });
  await signInAsDemo(context, "viewer");
  await context.storageState({ path: VIEWER_STATE });
  await context.dispose();
}
