"use client";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { Role } from "@/lib/domain/roles";

export interface SignInChoice {
  provider: string;
  label: string;
  /** For the demo provider: which demo user. */
  role?: Role;
}

/** One button per way in; next-auth runs the flow (CSRF, PKCE and state) and comes back to `callbackUrl`. */
export function SignInButtons({ choices, callbackUrl }: { choices: SignInChoice[]; callbackUrl: string }) {
  const [busy, setBusy] = useState<string | null>(null);
  return (
    <ul className="flex flex-col gap-2">
      {choices.map((choice) => {
        const key = `${choice.provider}:${choice.role ?? ""}`;
        return (
          <li key={key}>
            <Button
              type="button"
              variant={choice.role ? "secondary" : "primary"}
              className="h-9 w-full"
              disabled={busy !== null}
              onClick={() => {
                setBusy(key);
                // Credentials (the demo user's role) travel in the options, which next-auth posts as the body.
                void signIn(choice.provider, { callbackUrl, ...(choice.role && { role: choice.role }) });
              }}
            >
              {busy === key ? "Signing in…" : choice.label}
            </Button>
          </li>
        );
      })}
    </ul>
  );
}
