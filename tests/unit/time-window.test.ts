import { describe, expect, it } from "vitest";
import { resolveWindow, type WindowRequest } from "@/lib/domain/time-window";

const NOW = new Date("2026-12-01T12:00:00.000Z");
const at = (iso: string) => new Date(iso);
const DAY = 86_400_000;

describe("resolveWindow", () => {
  it.each<[string, WindowRequest, { from: string; to: string; preset: string }]>([
    ["defaults to the last 7 days", {}, { from: new Date(NOW.getTime() - 7 * DAY).toISOString(), to: NOW.toISOString(), preset: "7d" }],
    ["last hour", { window: "1h" }, { from: "2026-12-01T11:00:00.000Z", to: NOW.toISOString(), preset: "1h" }],
    ["last 24 hours", { window: "24h" }, { from: "2026-11-30T12:00:00.000Z", to: NOW.toISOString(), preset: "24h" }],
    ["last 30 days", { window: "30d" }, { from: "2026-11-01T12:00:00.000Z", to: NOW.toISOString(), preset: "30d" }],
    ["from alone runs to now", { from: at("2026-11-30T00:00:00Z") }, { from: "2026-11-30T00:00:00.000Z", to: NOW.toISOString(), preset: "custom" }],
    ["from and to", { window: "custom", from: at("2026-11-01T00:00:00Z"), to: at("2026-11-02T00:00:00Z") }, { from: "2026-11-01T00:00:00.000Z", to: "2026-11-02T00:00:00.000Z", preset: "custom" }],
    ["exactly 90 days", { from: at("2026-09-02T12:00:00Z") }, { from: "2026-09-02T12:00:00.000Z", to: NOW.toISOString(), preset: "custom" }],
  ])("%s", (_name, request, expected) => {
    const window = resolveWindow(request, NOW);
    if ("error" in window) throw new Error(window.error);
    expect({ from: window.from.toISOString(), to: window.to.toISOString(), preset: window.preset }).toEqual(expected);
  });

  it.each<[string, WindowRequest, string]>([
    ["a preset and a range", { window: "24h", from: at("2026-11-30T00:00:00Z") }, "window: choose a preset window or a custom from/to range, not both"],
    ["custom without from", { window: "custom" }, "from: a custom window needs a start"],
    ["to without from", { to: at("2026-11-30T00:00:00Z") }, "from: a custom window needs a start"],
    ["to before from", { from: at("2026-11-30T00:00:00Z"), to: at("2026-11-29T00:00:00Z") }, "to: must be after from"],
    ["an empty range", { from: at("2026-11-30T00:00:00Z"), to: at("2026-11-30T00:00:00Z") }, "to: must be after from"],
    ["over 90 days", { from: at("2026-09-02T11:59:59Z") }, "from: a custom window spans at most 90 days"],
  ])("refuses %s", (_name, request, message) => {
    expect(resolveWindow(request, NOW)).toEqual({ error: message });
  });
});
