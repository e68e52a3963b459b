"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Client-side navigation for the plain `<a href="/…">` links of big tables (overview rows, digests),
 * by event delegation. Those links are not `next/link` components on purpose: a Link per row costs
 * server render time on every refresh and prefetches every visible row's page, again after each
 * auto-refresh (measured: about 150 prefetch requests per viewer in 16 s on the 60-service overview).
 * Clicks a Link already handled, modified clicks and links to other windows are left to the browser.
 */
export function SoftNavigation() {
  const router = useRouter();
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[href^="/"]') : null;
      if (!anchor || anchor.target || anchor.hasAttribute("download")) return;
      event.preventDefault();
      router.push(anchor.getAttribute("href") ?? "/");
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [router]);
  return null;
}
