import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "@/lib/domain/csv";

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ["", ""],
    [null, ""],
    [undefined, ""],
    [42, "42"],
    [-3, "-3"],
    [true, "true"],
    [new Date("2026-12-01T10:00:00.000Z"), "2026-12-01T10:00:00.000Z"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\rhere", '"cr\rhere"'],
    // Formula injection: the spreadsheet must show these as text.
    ["=HYPERLINK(\"http://evil\")", '"\'=HYPERLINK(""http://evil"")"'],
    ["+1+2", "'+1+2"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tTAB", "'\tTAB"],
    ["\r=1", '"\'\r=1"'],
    // Only the first character matters.
    ["a=b", "a=b"],
    ["my-api:12", "my-api:12"],
  ])("%j → %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe("toCsv", () => {
  it.each([
    [["a", "b"], [], "a,b\r\n"],
    [["a", "b"], [["1", "2"]], "a,b\r\n1,2\r\n"],
    [["who", "why"], [["ada", "bad, bad image"], [null, "=1"]], 'who,why\r\nada,"bad, bad image"\r\n,\'=1\r\n'],
  ] as const)("%j + %j", (header, rows, expected) => {
    expect(toCsv(header, rows)).toBe(expected);
  });
});
