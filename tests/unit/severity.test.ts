import { describe, expect, it } from "vitest";
import {
  compareSeverity,
  hasAtLeast,
  highestSeverity,
  parseSeverity,
  SEVERITY_ORDER,
  sortFindings,
  totalFindings,
} from "@/lib/domain/severity";
import type { ScanFinding, Severity, SeverityCounts } from "@/lib/domain/types";

describe("SEVERITY_ORDER", () => {
  it("lists CRITICAL first and UNDEFINED last", () => {
    expect(SEVERITY_ORDER).toEqual(["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNDEFINED"]);
  });
});

describe("parseSeverity", () => {
  it.each([
    ["CRITICAL", "CRITICAL"],
    ["critical", "CRITICAL"],
    [" High ", "HIGH"],
    ["INFORMATIONAL", "INFORMATIONAL"],
    ["UNTRIAGED", undefined],
    ["INFO", undefined],
    ["", undefined],
  ])("%j → %s", (input, expected) => {
    expect(parseSeverity(input)).toBe(expected);
  });
});

describe("compareSeverity", () => {
  it.each([
    ["CRITICAL", "HIGH", "<"],
    ["LOW", "MEDIUM", ">"],
    ["high", "HIGH", "="],
    ["UNDEFINED", "UNTRIAGED", "<"],
    ["UNTRIAGED", "INFORMATIONAL", ">"],
    ["UNTRIAGED", "UNTRIAGED", "="],
    ["FOO", "UNTRIAGED", "<"], // unknown among themselves: alphabetical, so sorts are deterministic
  ])("%s vs %s: %s", (a, b, relation) => {
    const sign = Math.sign(compareSeverity(a, b));
    expect(sign).toBe({ "<": -1, "=": 0, ">": 1 }[relation]);
  });

  it("sorts a mixed list most severe first, unknown last", () => {
    expect(["LOW", "UNTRIAGED", "CRITICAL", "UNDEFINED", "MEDIUM"].sort(compareSeverity)).toEqual([
      "CRITICAL",
      "MEDIUM",
      "LOW",
      "UNDEFINED",
      "UNTRIAGED",
    ]);
  });
});

const counts = (c: Record<string, number | undefined>): SeverityCounts => c;

describe("highestSeverity", () => {
  it.each([
    [counts({ LOW: 3, HIGH: 1 }), "HIGH"],
    [counts({ CRITICAL: 0, MEDIUM: 2 }), "MEDIUM"],
    [counts({ UNTRIAGED: 5 }), undefined],
    [counts({ UNDEFINED: 1, UNTRIAGED: 5 }), "UNDEFINED"],
    [counts({}), undefined],
    [undefined, undefined],
  ])("%j → %s", (input, expected) => {
    expect(highestSeverity(input)).toBe(expected);
  });
});

describe("hasAtLeast", () => {
  it.each<[SeverityCounts | undefined, Severity, boolean]>([
    [counts({ CRITICAL: 1 }), "HIGH", true],
    [counts({ HIGH: 1 }), "HIGH", true],
    [counts({ MEDIUM: 4 }), "HIGH", false],
    [counts({ CRITICAL: 0, HIGH: 0, LOW: 9 }), "CRITICAL", false],
    [counts({ UNTRIAGED: 3 }), "UNDEFINED", false],
    [counts({ INFORMATIONAL: 1 }), "UNDEFINED", true],
    [undefined, "LOW", false],
  ])("%j at least %s: %s", (input, min, expected) => {
    expect(hasAtLeast(input, min)).toBe(expected);
  });
});

describe("totalFindings", () => {
  it.each([
    [counts({ CRITICAL: 1, HIGH: 2, UNTRIAGED: 3 }), 6],
    [counts({ LOW: 0, MEDIUM: undefined }), 0],
    [counts({ HIGH: -1, LOW: Number.NaN, MEDIUM: 2 }), 2],
    [undefined, 0],
  ])("%j → %d", (input, expected) => {
    expect(totalFindings(input)).toBe(expected);
  });
});

describe("sortFindings", () => {
  const finding = (id: string, severity: string, score?: number): ScanFinding => ({ id, severity, source: "enhanced", ...(score !== undefined && { score }) });

  it("orders by severity, then score, then id, without touching the input", () => {
    const input = [
      finding("CVE-3", "LOW"),
      finding("CVE-9", "UNTRIAGED"),
      finding("CVE-2", "CRITICAL", 9.1),
      finding("CVE-1", "CRITICAL", 9.8),
      finding("CVE-5", "HIGH"),
      finding("CVE-4", "HIGH"),
    ];
    const before = input.map((f) => f.id);
    expect(sortFindings(input).map((f) => f.id)).toEqual(["CVE-1", "CVE-2", "CVE-4", "CVE-5", "CVE-3", "CVE-9"]);
    expect(input.map((f) => f.id)).toEqual(before);
  });
});
