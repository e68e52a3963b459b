import Link from "next/link";
import { MissingResource } from "@/components/shell/missing-resource";
import { getConfig } from "@/lib/config";

export const metadata = { title: "Not found" };

/**
 * Every 404: unknown URLs and pages whose environment, cluster, service, repository or image does
 * not exist (the page calls notFound()). Next passes no props, so the URL says what was missing.
 */
export default function NotFound() {
  const envIds = getConfig().environments.map((e) => e.id);
  return (
    <div className="mx-auto max-w-xl py-16">
      <p className="font-mono text-xs font-semibold tracking-wider text-danger">404 NOT FOUND</p>
      <MissingResource envIds={envIds} />
      <p className="mt-6 flex gap-4 text-sm">
        <Link href="/" className="text-accent hover:underline">
          Overview
        </Link>
        <Link href="/repositories" className="text-accent hover:underline">
          Repositories
        </Link>
      </p>
    </div>
  );
}
