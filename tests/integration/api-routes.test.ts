// The /api/v1 route handlers called directly with a Request: authentication (401/403), validation
// (400), unknown names (404), JSON bodies with ISO dates (200), and 503 when AWS throttles us or cannot be reached at all.
// Requests carry a real session cookie (a next-auth JWT for the built-in configuration's demo viewer).
import { beforeAll, describe, expect, it } from "vitest";
import { GET as findingsRoute } from "@/app/api/v1/repositories/[env]/[repo]/images/[digest]/findings/route";
import { GET as imagesRoute } from "@/app/api/v1/repositories/[env]/[repo]/images/route";
import { GET as serviceRoute } from "@/app/api/v1/services/[env]/[cluster]/[service]/route";
import { GET as servicesRoute } from "@/app/api/v1/services/route";
import { resetAwsCaches } from "@/lib/aws";
import { PAYMENTS_CRITICAL_SHA } from "../../sandbox/seed/demo-facts";
import { pointAwsAt, useAppSandbox } from "./support";
import { sessionCookie } from "./session-cookie";

const sandbox = useAppSandbox({ scenario: "demo" });

let viewerCookie = "";
beforeAll(async () => {
  viewerCookie = await sessionCookie({ provider: "demo", name: "Demo viewer", groups: [], demoRole: "viewer" });
});

const request = (path: string, cookie = viewerCookie) => new Request(`http://localhost${path}`, { headers: { cookie } });
const ctx = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });

async function json(response: Response): Promise<{ status: number; body: Record<string, unknown> }> {
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function images(repo: string, search = "") {
  return json(await imagesRoute(request(`/api/v1/repositories/sandbox/${repo}/images${search}`), ctx({ env: "sandbox", repo })));
}

describe("authentication", () => {
  it("answers 401 without a session or token, with WWW-Authenticate", async () => {
    const response = await servicesRoute(request("/api/v1/services", ""), {});
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
  });

  it("answers 403 to a signed-in person whom no rule gives a role", async () => {
    const cookie = await sessionCookie({ provider: "oidc", name: "Nora", email: "nora@elsewhere.test", groups: [] });
    const { status, body } = await json(await serviceRoute(request("/x", cookie), ctx({ env: "sandbox", cluster: "production", service: "my-api" })));
    expect(status).toBe(403);
    expect(body.error).toMatchObject({ code: "forbidden", message: expect.stringMatching(/no role/) });
  });
});

describe("GET /api/v1/services", () => {
  it("answers the overview as JSON with ISO dates", async () => {
    const { status, body } = await json(await servicesRoute(request("/api/v1/services"), {}));
    expect(status).toBe(200);
    expect(body.asOf).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(JSON.stringify(body)).toContain(`"sha":"${PAYMENTS_CRITICAL_SHA}"`);
  });
});

describe("GET /api/v1/services/{env}/{cluster}/{service}", () => {
  it.each([
    [{ env: "sandbox", cluster: "production", service: "my-api" }, 200, undefined],
    [{ env: "Sandbox!", cluster: "production", service: "my-api" }, 400, "bad_request"],
    [{ env: "sandbox", cluster: "prod uction", service: "my-api" }, 400, "bad_request"],
    [{ env: "sandbox", cluster: "production", service: "x".repeat(256) }, 400, "bad_request"],
    [{ env: "nope", cluster: "production", service: "my-api" }, 404, "not_found"],
    [{ env: "sandbox", cluster: "nope", service: "my-api" }, 404, "not_found"],
    [{ env: "sandbox", cluster: "production", service: "nope" }, 404, "not_found"],
  ])("%j → %i", async (params, expectedStatus, code) => {
    const { status, body } = await json(await serviceRoute(request("/api/v1/services/x"), ctx(params)));
    expect(status).toBe(expectedStatus);
    if (code) expect(body.error).toMatchObject({ code, message: expect.any(String) });
    else expect((body.service as { name: string }).name).toBe("my-api");
  });
});

describe("GET /api/v1/repositories/{env}/{repo}/images", () => {
  it.each([
    ["?pageSize=500", "pageSize"],
    ["?page=0", "page"],
    ["?page=abc", "page"],
    ["?prod=yes", "prod"],
    ["?severity=SEVERE", "severity"],
  ])("rejects %s naming the field", async (search, field) => {
    const { status, body } = await images("my-api", search);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "bad_request" });
    expect((body.error as { message: string }).message).toMatch(new RegExp(`^${field}:`));
  });

  it("applies the query: page, pageSize, prod and severity", async () => {
    const { status, body } = await images("payments", "?page=1&pageSize=3&prod=1&severity=critical");
    expect(status).toBe(200);
    expect(body.query).toEqual({ page: 1, pageSize: 3, prod: true, severity: "CRITICAL" });
    const rows = body.images as Array<{ highestSeverity: string; commit: { sha: string } }>;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.highestSeverity === "CRITICAL" && r.commit.sha)).toBe(true);
  });

  it.each([
    ["Not_A_Valid_Name", 400],
    ["no-such-repo", 404],
  ])("answers %s with %i", async (repo, expectedStatus) => {
    expect((await images(repo)).status).toBe(expectedStatus);
  });
});

describe("GET /api/v1/repositories/{env}/{repo}/images/{digest}/findings", () => {
  async function findings(digest: string) {
    return json(await findingsRoute(request("/x"), ctx({ env: "sandbox", repo: "payments", digest })));
  }

  it("answers the findings of an image addressed by a URL-encoded digest", async () => {
    const { body: list } = await images("payments", `?q=${PAYMENTS_CRITICAL_SHA}`);
    const digest = (list.images as Array<{ digest: string }>)[0]?.digest ?? "";
    const { status, body } = await findings(encodeURIComponent(digest));
    expect(status).toBe(200);
    const subject = body.subject as { findings: { findings: Array<{ severity: string }> } };
    expect(subject.findings.findings[0]?.severity).toBe("CRITICAL");
  });

  it.each([
    ["sha256:xyz", 400],
    [`sha256:${"A".repeat(64)}`, 400],
    [`sha256:${"0".repeat(64)}`, 404],
  ])("answers %s with %i", async (digest, expectedStatus) => {
    expect((await findings(digest)).status).toBe(expectedStatus);
  });
});

describe("when AWS throttles past the SDK's retries", () => {
  it("answers 503 throttled with a Retry-After", async () => {
    await sandbox.control.setFaults({ rules: { DescribeRepositories: { throttle: { ratePerSecond: 0.001, burst: 1 } } } });
    await images("web");
    const response = await imagesRoute(request("/api/v1/repositories/sandbox/my-api/images"), ctx({ env: "sandbox", repo: "my-api" }));
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("1");
    expect(await response.json()).toMatchObject({ error: { code: "aws_unavailable", kind: "throttled", retryAfterSeconds: 1 } });
  });
});

describe("when AWS cannot be reached", () => {
  it("answers 503 with what happened and what to do, never a stack trace", async () => {
    pointAwsAt("http://127.0.0.1:1");
    resetAwsCaches();
    const overview = await json(await servicesRoute(request("/api/v1/services"), {}));
    expect(overview.status).toBe(503);
    expect(overview.body.error).toMatchObject({
      code: "aws_unavailable",
      kind: "unreachable",
      message: "Cannot reach ECS at http://127.0.0.1:1",
      action: expect.any(String),
    });
    const history = await images("my-api");
    expect(history.status).toBe(503);
    expect(history.body.error).toMatchObject({ kind: "unreachable", message: "Cannot reach ECR at http://127.0.0.1:1" });
    expect(JSON.stringify([overview.body, history.body])).not.toMatch(/\n\s+at /);
  });
});
