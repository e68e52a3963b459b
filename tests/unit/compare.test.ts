import { describe, expect, it } from "vitest";
import { compareText } from "@/lib/domain/compare";

describe("compareText", () => {
  it.each([
    ["a", "b", -1],
    ["b", "a", 1],
    ["same", "same", 0],
    ["", "a", -1],
    ["service-0002", "service-0010", -1],
    ["my-api", "my-api-canary", -1],
    // Code-unit order: upper case sorts before lower case, whatever the server's locale.
    ["Zeta", "alpha", -1],
    ["sha256:0a", "sha256:0A", 1],
  ])("%j vs %j → %i", (a, b, expected) => {
    expect(compareText(a, b)).toBe(expected);
  });

  it("sorts ARNs the same way on every run", () => {
    const arns = ["arn:aws:ecs:eu-west-1:1:task/c/b", "arn:aws:ecs:eu-west-1:1:task/c/a", "arn:aws:ecs:eu-west-1:1:task/B/z"];
    expect([...arns].sort(compareText)).toEqual(["arn:aws:ecs:eu-west-1:1:task/B/z", "arn:aws:ecs:eu-west-1:1:task/c/a", "arn:aws:ecs:eu-west-1:1:task/c/b"]);
  });
});
