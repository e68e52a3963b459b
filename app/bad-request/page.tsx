import { WayBack } from "@/components/shell/way-back";

export const metadata = { title: "Bad request", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// What proxy.ts put here is shown as text only; the cap keeps a crafted address from filling the page.
const MAX_SHOWN = 2000;
const text = (value: string | string[] | undefined) => (typeof value === "string" ? value.slice(0, MAX_SHOWN) : "");

/**
 * The 400 page: proxy.ts rewrites a page request whose address is not valid (a malformed digest, a bad
 * query parameter, broken percent-encoding) here with status 400, so it keeps the app's header and styles.
 */
export default async function BadRequestPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const reason = text(params.reason) || "The address is not valid.";
  const path = text(params.path);
  return (
    <div className="mx-auto max-w-xl py-16">
      <p className="font-mono text-xs font-semibold tracking-wider text-danger">400 BAD REQUEST</p>
      <h1 className="mt-2 text-lg font-semibold">This address is not valid</h1>
      <p className="mt-3 rounded-md border border-danger/40 bg-danger-soft px-4 py-3 text-sm break-words">{reason}</p>
      {path && (
        <p className="mt-3 text-sm">
          Requested: <code className="break-all">{path}</code>
        </p>
      )}
      <WayBack />
    </div>
  );
}
