// The public URL that notification links are built on: NEXTAUTH_URL when it is an http(s) URL (trailing
// slashes dropped), else no links at all rather than links that lead nowhere.
import { describe, expect, it } from "vitest";
import { dashboardLink, notifySettings } from "@/lib/notify/settings";

const config = { notifications: [] };

describe("notifySettings", () => {
  it.each([
    ["https://steadystate.example.com", "https://steadystate.example.com/operations/abc"],
    ["https://steadystate.example.com///", "https://steadystate.example.com/operations/abc"],
    ["http://127.0.0.1:3000", "http://127.0.0.1:3000/operations/abc"],
    [" https://ss.example.com/base/ ", "https://ss.example.com/base/operations/abc"],
    ["ftp://steadystate.example.com", undefined],
    ["not a url", undefined],
    ["", undefined],
    [undefined, undefined],
  ])("NEXTAUTH_URL %j → %j", (url, link) => {
    expect(dashboardLink(notifySettings(config, { NEXTAUTH_URL: url }), "/operations/abc")).toBe(link);
  });
});
