import { ButtonLink } from "@/components/ui/button";

/** The way back from an error page (404, 400): the overview, or the repositories. */
export function WayBack() {
  return (
    <p className="mt-6 flex gap-2">
      <ButtonLink href="/" variant="primary">
        Overview
      </ButtonLink>
      <ButtonLink href="/repositories">Repositories</ButtonLink>
    </p>
  );
}
