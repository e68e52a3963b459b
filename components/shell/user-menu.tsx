import { signOut } from "@/lib/auth/sign-out";
import { providerLabel } from "@/components/auth/provider-label";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { Actor } from "@/lib/auth/actor";

/** Who is signed in, through which provider, with which role; and sign-out. */
export function UserMenu({ actor, oidcName }: { actor: Actor; oidcName?: string }) {
  const via = providerLabel(actor.provider, oidcName);
  return (
    <div data-testid="user-menu" className="flex items-center gap-2 text-xs">
      <span className="hidden max-w-48 truncate sm:inline" title={`${actor.email ?? actor.name} · signed in with ${via}`}>
        <span className="font-medium">{actor.name}</span> <span className="text-muted">via {via}</span>
      </span>
      <Badge tone={actor.role === "viewer" ? "neutral" : "accent"} title={`Role: ${actor.role}`}>
        {actor.role}
      </Badge>
      <form action={signOut}>
        <Button type="submit" variant="ghost">
          Sign out
        </Button>
      </form>
    </div>
  );
}
