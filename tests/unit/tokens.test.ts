import { describe, expect, it } from "vitest";
import { hashToken, newToken, parseBearer, tokenActor } from "@/lib/auth/tokens";
import type { AuthConfig } from "@/lib/config";

const GOOD = "sst_0123456789abcdefghijklmnopqrstuv";

describe("parseBearer", () => {
  it.each([
    [null, { kind: "none" }],
    ["", { kind: "none" }],
    [`Bearer ${GOOD}`, { kind: "token", token: GOOD }],
    [`bearer ${GOOD}`, { kind: "token", token: GOOD }],
    [`  Bearer ${GOOD}  `, { kind: "token", token: GOOD }],
    ["Bearer", { kind: "malformed" }],
    ["Bearer ", { kind: "malformed" }],
    [`Bearer ${GOOD} extra`, { kind: "malformed" }],
    ["Bearer short", { kind: "unrecognised" }],
    [`Bearer ${GOOD}%00`, { kind: "unrecognised" }],
    [`Basic ${GOOD}`, { kind: "malformed" }],
    [`Bearer ${"a".repeat(201)}`, { kind: "unrecognised" }],
  ])("%j → %j", (header, expected) => {
    expect(parseBearer(header)).toEqual(expected);
  });
});

describe("tokenActor", () => {
  const auth: AuthConfig = {
    demoUsers: false,
    roles: [],
    tokens: [
      { name: "ci-bot", role: "viewer", sha256: hashToken(GOOD) },
      { name: "release-bot", role: "deployer", sha256: hashToken(`${GOOD}x`) },
    ],
  };

  it.each([
    [GOOD, { kind: "token", name: "ci-bot", provider: "token", role: "viewer" }],
    [`${GOOD}x`, { kind: "token", name: "release-bot", provider: "token", role: "deployer" }],
    [`${GOOD}y`, null],
    [hashToken(GOOD), null],
  ])("%s → %j", (token, expected) => {
    expect(tokenActor(token, auth)).toEqual(expected);
  });

  it("accepts a token made by newToken with the entry it prints, and only that token", () => {
    const { token, entry } = newToken("chat-bot", "admin");
    expect(token).toMatch(/^sst_[A-Za-z0-9_-]{43}$/);
    expect(parseBearer(`Bearer ${token}`)).toEqual({ kind: "token", token });
    const config = { ...auth, tokens: [entry] };
    expect(tokenActor(token, config)?.name).toBe("chat-bot");
    expect(tokenActor(newToken("chat-bot", "admin").token, config)).toBeNull();
  });
});
