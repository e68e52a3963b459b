"use client";

import { useState } from "react";
import { THEME_COOKIE, type ThemePreference } from "./theme";

const NEXT: Record<ThemePreference, ThemePreference> = { system: "light", light: "dark", dark: "system" };
const LABEL: Record<ThemePreference, string> = { system: "System theme", light: "Light theme", dark: "Dark theme" };

/** Cycles system → light → dark; applied at once and remembered for a year in a cookie. */
export function ThemeToggle({ initial }: { initial: ThemePreference }) {
  const [pref, setPref] = useState(initial);
  const choose = () => {
    const next = NEXT[pref];
    setPref(next);
    const root = document.documentElement;
    if (next === "system") {
      delete root.dataset.theme;
      document.cookie = `${THEME_COOKIE}=; path=/; max-age=0; samesite=lax`;
    } else {
      root.dataset.theme = next;
      document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    }
  };
  return (
    <button
      type="button"
      onClick={choose}
      aria-label={`${LABEL[pref]} (switch to ${LABEL[NEXT[pref]].toLowerCase()})`}
      title={`${LABEL[pref]}: click for ${LABEL[NEXT[pref]].toLowerCase()}`}
      className="inline-flex size-7 items-center max-md:size-11 justify-center rounded-md text-muted hover:bg-surface-2 hover:text-fg"
    >
      <svg aria-hidden viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round">
        {pref === "light" && (
          <>
            <circle cx="8" cy="8" r="3" />
            <path d="M8 1.5v1.5M8 13v1.5M1.5 8H3M13 8h1.5M3.4 3.4l1 1M11.6 11.6l1 1M3.4 12.6l1-1M11.6 4.4l1-1" />
          </>
        )}
        {pref === "dark" && <path d="M13.5 9.5A5.5 5.5 0 0 1 6.5 2.5a5.5 5.5 0 1 0 7 7Z" strokeLinejoin="round" />}
        {pref === "system" && (
          <>
            <rect x="2" y="3" width="12" height="8" rx="1.5" />
            <path d="M6 14h4M8 11v3" />
          </>
        )}
      </svg>
    </button>
  );
}
