// Signing in over plain HTTP, as the sign-in page's demo buttons do (next-auth's CSRF token, then the
// demo provider's callback), keeping the cookies a browser would.
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  }

  has(name: string): boolean {
    return this.cookies.has(name);
  }
}

export async function signInAsDemo(appUrl: string, role: "viewer" | "deployer" | "admin"): Promise<CookieJar> {
  const jar = new CookieJar();
  const csrfResponse = await fetch(`${appUrl}/api/auth/csrf`);
  jar.take(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${appUrl}/api/auth/callback/demo`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.header(), Origin: appUrl },
    body: new URLSearchParams({ csrfToken, role, callbackUrl: "/", json: "true" }),
  });
  if (response.status >= 400) throw new Error(`demo sign-in as ${role} answered ${response.status}`);
  jar.take(response);
  if (!jar.has("next-auth.session-token")) throw new Error(`demo sign-in as ${role} set no session cookie`);
  return jar;
}
