// Task-definition data compared as ECS means it: key order and echoed empty members do not count.
import { describe, expect, it } from "vitest";
import { canonicalJson, sameJson } from "@/lib/domain/json-equal";

const same: Array<[string, unknown, unknown]> = [
  ["key order", { a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 }],
  ["an echoed empty list", { name: "app", environment: [] }, { name: "app" }],
  ["null, undefined and empty string members", { a: null, b: undefined, c: "", d: 1 }, { d: 1 }],
  ["an object of empties", { logConfiguration: { options: {} } }, {}],
  ["nothing and an empty list", undefined, []],
];

const different: Array<[string, unknown, unknown]> = [
  ["list order (containers, env entries)", [{ name: "a" }, { name: "b" }], [{ name: "b" }, { name: "a" }]],
  ["false versus absent", { essential: false }, {}],
  ["zero versus absent", { cpu: 0 }, {}],
  ["a string versus a number", { cpu: "512" }, { cpu: 512 }],
  ["a nested value", { healthCheck: { retries: 3 } }, { healthCheck: { retries: 4 } }],
];

describe("sameJson", () => {
  it.each(same)("ignores %s", (_name, a, b) => {
    expect(sameJson(a, b)).toBe(true);
  });

  it.each(different)("tells apart %s", (_name, a, b) => {
    expect(sameJson(a, b)).toBe(false);
  });
});

describe("canonicalJson", () => {
  it.each([
    [{ b: [1, { y: 2, x: null }], a: "s" }, '{"a":"s","b":[1,{"y":2}]}'],
    [new Date("2026-01-01T00:00:00Z"), '"2026-01-01T00:00:00.000Z"'],
    [{}, ""],
  ])("of %o is %s", (value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });
});
