import { WayBack } from "@/components/shell/way-back";
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
      <WayBack />
    </div>
  );
}
