"use client";

import { useEffect } from "react";
import { formatAge } from "@/lib/domain/format";

const TICK_MS = 1000;

/**
 * Keeps every `time[data-relative]` of the page ("3 min ago", see TimeAgo) current: one timer for
 * the whole page instead of a client component per cell. It only writes text that changed.
 */
export function RelativeTimes() {
  useEffect(() => {
    const timer = setInterval(() => {
      const now = Date.now();
      for (const element of document.querySelectorAll<HTMLTimeElement>("time[data-relative]")) {
        const at = Date.parse(element.dateTime);
        if (Number.isNaN(at)) continue;
        const text = formatAge(new Date(at), new Date(Math.max(now, at)));
        if (element.textContent !== text) element.textContent = text;
      }
    }, TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return null;
}
