import { redirect } from "next/navigation";
import { z } from "zod";
import { SignInButtons, type SignInChoice } from "@/components/auth/sign-in-buttons";
import { currentAuthentication } from "@/lib/auth/guards";
import { ROLES } from "@/lib/domain/roles";
import { getConfig } from "@/lib/config";

export const metadata = { title: "Sign in" };

// Only a path on this site may be returned to, never another origin (`//evil.example`, `https://…`).
const searchSchema = z.object({
  callbackUrl: z.string().regex(/^\/(?![/\\])/).max(2000).catch("/").default("/"),
  error: z.string().max(100).optional().catch(undefined),
});

const ERRORS: Record<string, string> = {
  CredentialsSignin: "Demo users are not enabled here.",
  AccessDenied: "The sign-in provider did not vouch for you (an unverified email, or not in an allowed organisation).",
  OAuthCallback: "The sign-in provider's answer could not be checked. Try again.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { callbackUrl, error } = searchSchema.parse(await searchParams);
  if ((await currentAuthentication()).kind === "actor") redirect(callbackUrl);
  const { auth } = getConfig();
  const choices: SignInChoice[] = [
    ...(auth.oidc ? [{ provider: "oidc", label: `Sign in with ${auth.oidc.name}` }] : []),
    ...(auth.github ? [{ provider: "github", label: "Sign in with GitHub" }] : []),
    ...(auth.demoUsers ? ROLES.map((role) => ({ provider: "demo", label: `Demo ${role}`, role })) : []),
  ];
  return (
    <div className="mx-auto max-w-sm py-16">
      <h1 className="text-lg font-semibold">Sign in to Steady State</h1>
      <p className="mt-1 mb-6 text-sm text-muted">Every page and API call needs a signed-in person with a role, or an API token.</p>
      {error && (
        <p role="alert" className="mb-4 rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-sm text-danger">
          {ERRORS[error] ?? "Sign-in failed. Try again."}
        </p>
      )}
      {choices.length === 0 ? (
        <p className="text-sm">No sign-in provider is configured: add `auth.oidc`, `auth.github` or `auth.demoUsers` (docs/configuration.md).</p>
      ) : (
        <SignInButtons choices={choices} callbackUrl={callbackUrl} />
      )}
      {auth.demoUsers && <p className="mt-4 text-xs text-muted">Demo users exist only against a local sandbox.</p>}
    </div>
  );
}
