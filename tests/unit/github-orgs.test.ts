import { describe, expect, it } from "vitest";
import { inAllowedOrganization } from "@/lib/auth/github-orgs";

describe("inAllowedOrganization", () => {
  it.each<[string[], string[], boolean]>([
    [[], [], true],
    [["anything"], [], true],
    [["acme"], ["acme"], true],
    [["Acme"], ["acme"], true],
    [["other", "acme-labs"], ["acme"], false],
    [[], ["acme"], false],
    [["beta"], ["acme", "beta"], true],
  ])("member of %j, allowed %j → %s", (memberOf, allowed, expected) => {
    expect(inAllowedOrganization(memberOf, allowed)).toBe(expected);
  });
});
