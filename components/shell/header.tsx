import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { getConfig } from "@/lib/config";
import { NavLink } from "./nav-link";
import { ThemeToggle } from "./theme-toggle";
import type { ThemePreference } from "./theme";
import { UserMenu } from "./user-menu";

/** The app header: product, sections, the environments this dashboard watches, who is signed in, theme. */
export function Header({ theme, actor }: { theme: ThemePreference; actor: Actor | null }) {
  const config = getConfig();
  // Accounts and regions are for people with a role, not for the sign-in page.
  const environments = actor ? config.environments : [];
  return (
    <header className="sticky top-0 z-20 border-b border-border bg-surface/90 backdrop-blur">
      {/* On a phone the sections get a row of their own under the logo and the user: three items and the
          role badge do not fit one 390-px row, and a scrolled-off or covered nav item is unreachable. */}
      <div className="mx-auto flex max-w-[1680px] flex-wrap items-center gap-x-2 px-3 max-md:pt-0.5 sm:gap-x-4 sm:px-4 md:h-12 md:flex-nowrap">
        <Link href="/" aria-label="Steady State" className="flex shrink-0 items-center gap-2 font-semibold tracking-tight whitespace-nowrap max-sm:size-11 max-sm:justify-center">
          <svg aria-hidden viewBox="0 0 20 20" className="size-5 text-accent">
            <rect x="1" y="1" width="18" height="18" rx="5" fill="currentColor" />
            <path d="M4.5 11.5h3l1.5-4 2 6 1.5-2h3" fill="none" stroke="var(--c-surface)" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <span className="max-sm:hidden">Steady State</span>
        </Link>
        <nav aria-label="Main" className="flex min-w-0 items-center gap-1 max-md:order-last max-md:w-full max-md:border-t max-md:border-border">
          <NavLink href="/">Overview</NavLink>
          <NavLink href="/repositories">Repositories</NavLink>
          <NavLink href="/audit">Audit</NavLink>
          {actor?.role === "admin" && <NavLink href="/admin/notifications">Notifications</NavLink>}
        </nav>
        <div className="ml-auto flex shrink-0 items-center gap-2">
          <ul aria-label="Environments" className="hidden items-center gap-1.5 md:flex">
            {environments.map((env) => (
              <li
                key={env.id}
                title={`${env.name}: account ${env.accountId ?? "from credentials"}, region ${env.region}`}
                className="inline-flex h-6 items-center gap-1.5 rounded-md border border-border px-2 text-xs"
              >
                <span className="font-medium">{env.name}</span>
                <span className="font-mono text-[11px] text-muted">{env.region}</span>
              </li>
            ))}
          </ul>
          {actor && <UserMenu actor={actor} oidcName={config.auth.oidc?.name} />}
          <ThemeToggle initial={theme} />
        </div>
      </div>
    </header>
  );
}
