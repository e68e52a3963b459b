import { describe, expect, it } from "vitest";
import { REASON_MAX_LENGTH, reasonLengthNote } from "@/lib/domain/reason-limit";
import { reasonSchema } from "@/lib/deploy/operation-input";

describe("reasonLengthNote", () => {
  it.each([
    [0, false, "0 / 1,000 characters"],
    [1000, false, "1,000 / 1,000 characters"],
    [1001, true, "1,001 / 1,000 characters: 1 over the limit; shorten it (link to details instead)"],
    [5000, true, "5,000 / 1,000 characters: 4,000 over the limit; shorten it (link to details instead)"],
  ])("%i characters → over %s", (length, over, text) => {
    expect(reasonLengthNote(length)).toEqual({ over, text });
  });

  it("is the limit the server holds: one character more is refused, never cut", () => {
    expect(reasonSchema.safeParse("x".repeat(REASON_MAX_LENGTH)).success).toBe(true);
    const long = reasonSchema.safeParse("x".repeat(5000));
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]?.message).toBe("reason must be at most 1,000 characters");
  });
});
