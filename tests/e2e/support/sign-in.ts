// Signing in without clicking through the UI, for specs about something else: next-auth's own
// credentials flow (CSRF token, then the demo provider's callback), the same requests the sign-in
// page's buttons make.
import type { APIRequestContext } from "@playwright/test";

export async function signInAsDemo(request: APIRequestContext, role: "viewer" | "deployer" | "admin"): Promise<void> {
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/demo", {
    form: { csrfToken: csrf.csrfToken, role, callbackUrl: "/", json: "true" },
  });
  if (!response.ok()) throw new Error(`demo sign-in as ${role} answered ${response.status()}`);
}
