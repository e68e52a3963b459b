"use client";

import { usePathname } from "next/navigation";

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Names what was not found from the URL (not-found pages receive no props). */
function describeMissing(pathname: string, envIds: string[]): { title: string; detail: string } {
  const [section, env, second, third, fourth] = pathname.split("/").filter(Boolean).map(decode);
  const unknownEnv = env !== undefined && !envIds.includes(env);
  if ((section === "services" || section === "repositories") && unknownEnv) {
    return { title: `There is no environment “${env}”`, detail: `This dashboard is configured for: ${envIds.join(", ")}.` };
  }
  if (section === "services" && third !== undefined) {
    return {
      title: `Service “${third}” was not found in ${env} / ${second}`,
      detail: `Either the cluster “${second}” or the service does not exist, or it was deleted. Find it on the overview.`,
    };
  }
  if (section === "repositories" && third === "images" && fourth !== undefined) {
    return {
      title: `Image ${fourth.slice(0, 19)}… is not in repository “${second}”`,
      detail: "It may have been expired by the repository's lifecycle policy or deleted.",
    };
  }
  if (section === "repositories" && second !== undefined) {
    return { title: `Repository “${second}” was not found in ${env}`, detail: "Check the name on the repositories page." };
  }
  return { title: "This page does not exist", detail: `Nothing lives at ${pathname}.` };
}

export function MissingResource({ envIds }: { envIds: string[] }) {
  const { title, detail } = describeMissing(usePathname(), envIds);
  return (
    <>
      <h1 className="mt-2 text-xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-2 text-muted">{detail}</p>
    </>
  );
}
