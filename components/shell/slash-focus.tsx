"use client";

import { useEffect } from "react";

/**
 * Pressing `/` anywhere (outside a text field) focuses the page's filter, marked with
 * data-slash-focus. One listener for the whole app, so pages only mark their input.
 */
export function SlashFocus() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable=true]")) return;
      const filter = document.querySelector<HTMLInputElement>("[data-slash-focus]");
      if (!filter) return;
      event.preventDefault();
      filter.focus();
      filter.select();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return null;
}
