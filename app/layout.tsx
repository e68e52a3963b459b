import type { Metadata } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { Header } from "@/components/shell/header";
import { SlashFocus } from "@/components/shell/slash-focus";
import { parseThemePreference, THEME_COOKIE } from "@/components/shell/theme";
import { CopyHandler } from "@/components/ui/copy-handler";
import { SoftNavigation } from "@/components/ui/soft-navigation";
import { RelativeTimes } from "@/components/ui/relative-times";
import { currentActor } from "@/lib/auth/guards";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Steady State", template: "%s · Steady State" },
  description: "Which SHA is in prod, what did we ship, and is it safe: Amazon ECS and ECR at a glance.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the cookie here also makes every page render per request: the data is live AWS state.
  const theme = parseThemePreference((await cookies()).get(THEME_COOKIE)?.value);
  const actor = await currentActor();
  return (
    <html lang="en" data-theme={theme === "system" ? undefined : theme}>
      <body className="min-h-dvh bg-bg font-sans text-fg">
        <a
          href="#main"
          className="sr-only z-50 rounded-md bg-accent px-3 py-2 text-bg focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
        >
          Skip to content
        </a>
        <Header theme={theme} actor={actor} />
        <main id="main" tabIndex={-1} className="mx-auto max-w-[1680px] px-4 py-5 outline-none">
          {children}
        </main>
        {/* Page-wide islands: server HTML marks elements with data attributes, these make them live. */}
        <SlashFocus />
        <CopyHandler />
        <SoftNavigation />
        <RelativeTimes />
      </body>
    </html>
  );
}
