// proxy.ts's check of a page URL before rendering: the plan page's target query answers 400 when it
// cannot be a target, the same rule the API's plan route and the confirm form use.
import { describe, expect, it } from "vitest";
import { validateRequest } from "@/app/_lib/validate-request";

const PLAN = "/services/sandbox/production/payments/rollback";

describe("validateRequest for the rollback page", () => {
  it.each([
    ["no target (suggested)", PLAN, "", true],
    ["a revision", PLAN, "revision=payments:3", true],
    ["an image by tag", PLAN, "container=app&tag=prod-abc1234", true],
    ["an image by digest, as a deploy", PLAN, `container=app&digest=sha256:${"a".repeat(64)}&action=deploy`, true],
    ["a revision without a number", PLAN, "revision=payments", false],
    ["a container without an image", PLAN, "container=app", false],
    ["a digest that is not one", PLAN, "container=app&digest=sha256:zz", false],
    ["suggested other than 1", PLAN, "suggested=yes", false],
    ["a bad service name", "/services/sandbox/production/pay%20ments/rollback", "", false],
  ])("%s", (_name, path, query, ok) => {
    expect(validateRequest(path, new URLSearchParams(query)).ok).toBe(ok);
  });

  it("names the field that is wrong", () => {
    const check = validateRequest(PLAN, new URLSearchParams("revision=payments"));
    expect(check).toEqual({ ok: false, reason: "Rollback target: revision must look like family:N" });
  });
});

describe("validateRequest for the restore page", () => {
  const RESTORE = "/environments/sandbox/restore";
  it.each([
    ["no moment yet (the picker)", RESTORE, "", true],
    ["ISO-8601 with Z", RESTORE, "at=2026-11-20T14:00:00Z", true],
    ["with an offset", RESTORE, "at=2026-11-20T19:30:00%2B05:30", true],
    ["the picker's zone-less value (UTC)", RESTORE, "at=2026-11-20T14:00", true],
    ["not a time", RESTORE, "at=yesterday", false],
    ["a date alone", RESTORE, "at=2026-11-20", false],
    ["a bad environment id", "/environments/Sand_Box/restore", "", false],
  ])("%s", (_name, path, query, ok) => {
    expect(validateRequest(path, new URLSearchParams(query)).ok).toBe(ok);
  });

  it("names what is wrong", () => {
    expect(validateRequest(RESTORE, new URLSearchParams("at=yesterday"))).toEqual({ ok: false, reason: "Restore moment: at must be an ISO-8601 time with a zone, e.g. 2026-11-20T14:00:00Z" });
  });
});
