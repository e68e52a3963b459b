import { redirect } from "next/navigation";
import { providerLabel } from "@/components/auth/provider-label";
import { Button } from "@/components/ui/button";
import { currentAuthentication } from "@/lib/auth/guards";
import { signOut } from "@/lib/auth/sign-out";
import { getConfig } from "@/lib/config";

export const metadata = { title: "No role" };

/** A signed-in person whom no configured rule gives a role: say so plainly (no silent viewer access). */
export default async function NoRolePage() {
  const auth = await currentAuthentication();
  if (auth.kind === "anonymous") redirect("/signin");
  if (auth.kind === "actor") redirect("/");
  const { claims } = auth;
  return (
    <div className="mx-auto max-w-xl py-16">
      <p className="font-mono text-xs font-semibold tracking-wider text-danger">NO ROLE</p>
      <h1 className="mt-2 text-lg font-semibold">You are signed in, but you have no role here</h1>
      <p className="mt-2 text-sm">
        {claims.email ?? claims.name} signed in with {providerLabel(claims.provider, getConfig().auth.oidc?.name)}, and no rule in the
        dashboard&apos;s configuration (<code>auth.roles</code>) matches that email, its domain
        {claims.groups.length > 0 ? ` or the groups ${claims.groups.join(", ")}` : " or any of your groups"}. Ask whoever runs Steady
        State to add you.
      </p>
      <form action={signOut} className="mt-6">
        <Button type="submit">Sign out</Button>
      </form>
    </div>
  );
}
