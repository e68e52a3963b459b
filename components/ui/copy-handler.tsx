"use client";

import { useEffect, useState } from "react";

const CONFIRM_MS = 1200;

/**
 * Handles every `button[data-copy]` of the page by event delegation: copies the value, marks the
 * button `data-copied` for a moment (its icon becomes a check) and announces "Copied digest sha256:…"
 * to screen readers. Buttons rendered after a refresh or navigation need no wiring.
 */
export function CopyHandler() {
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => {
    const timers = new Map<HTMLElement, ReturnType<typeof setTimeout>>();
    const onClick = async (event: MouseEvent) => {
      const button = event.target instanceof Element ? event.target.closest<HTMLElement>("button[data-copy]") : null;
      if (!button) return;
      const value = button.dataset.copy ?? "";
      try {
        await navigator.clipboard.writeText(value);
      } catch {
        // Clipboard access can be denied (insecure origin, permissions); the full value stays in the tooltip.
        return;
      }
      button.dataset.copied = "";
      setAnnouncement(`${(button.getAttribute("aria-label") ?? "").replace(/^Copy /, "Copied ")} ${value}`);
      clearTimeout(timers.get(button));
      timers.set(
        button,
        setTimeout(() => {
          delete button.dataset.copied;
          timers.delete(button);
          setAnnouncement("");
        }, CONFIRM_MS),
      );
    };
    document.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("click", onClick);
      timers.forEach(clearTimeout);
    };
  }, []);

  return (
    <span role="status" className="sr-only">
      {announcement}
    </span>
  );
}
