// The restore plan, one row per service of the environment: a box to tick (ticked for every service that
// can be restored; the deployer unticks what should stay), what runs now and what ran then per
// container, and the preflight of that service's rollback, or why it is unchanged or cannot be restored.
// Server-rendered inside the confirm form; on a phone each row is a card (app/phone.css).
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Th, THead } from "@/components/ui/table";
import type { RestorePlanService, Version } from "@/lib/deploy";

const STATUS = { changed: { tone: "info", text: "will be restored" }, unchanged: { tone: "ok", text: "unchanged" }, cannot: { tone: "danger", text: "cannot restore" } } as const;

function Containers({ version }: { version: Version | undefined }) {
  if (!version) return <span className="text-muted">—</span>;
  return (
    <div className="min-w-0 space-y-0.5">
      <p className="code">{version.label}</p>
      {version.containers.map((c) => (
        <p key={c.name} className="truncate text-xs" title={c.image}>
          <span className="text-muted">{c.name}:</span> {c.tag ?? c.image}
          {c.sha && <code className="ml-1">{c.sha.slice(0, 7)}</code>}
        </p>
      ))}
    </div>
  );
}

function Checks({ item }: { item: RestorePlanService }) {
  const notable = item.preflight?.checks.filter((c) => c.status !== "ok") ?? [];
  return (
    <div className="space-y-1 text-xs">
      {item.why && <p className="text-danger">{item.why}</p>}
      {item.note && <p className="text-muted">{item.note}</p>}
      {!item.why &&
        notable.map((c, i) => (
          <p key={`${c.id}-${i}`} className={c.status === "block" ? "text-danger" : "text-warn"}>
            {c.message}
          </p>
        ))}
      {item.status === "changed" && notable.length === 0 && <p className="text-ok">Preflight ok: image in ECR, scan gate passed, nothing in progress.</p>}
      {item.status === "unchanged" && <p className="text-muted">Runs what it ran then.</p>}
    </div>
  );
}

export function RestorePlanTable({ services }: { services: RestorePlanService[] }) {
  return (
    <Table caption="Services of the environment: now and at the moment">
      <THead>
        <tr>
          <Th className="w-16">Restore</Th>
          <Th className="w-44">Service</Th>
          <Th>Now</Th>
          <Th>Then</Th>
          <Th>Preflight</Th>
        </tr>
      </THead>
      <TBody>
        {services.map((item) => {
          const id = `restore-${item.cluster}-${item.service}`;
          const look = STATUS[item.status];
          return (
            <tr key={`${item.cluster}/${item.service}`} data-restore-row={`${item.cluster}/${item.service}`} data-status={item.status}>
              <td data-label="Restore">
                {item.status === "changed" ? (
                  <input id={id} type="checkbox" name="service" value={`${item.cluster}/${item.service}`} defaultChecked className="size-5 accent-accent" aria-label={`Restore ${item.cluster}/${item.service}`} />
                ) : (
                  <span className="text-xs text-muted">—</span>
                )}
              </td>
              <td>
                <label htmlFor={item.status === "changed" ? id : undefined} className="block font-medium">
                  {item.service}
                </label>
                <span className="text-xs text-muted">{item.cluster}</span>
                <div className="mt-1">
                  <Badge tone={look.tone}>{look.text}</Badge>
                </div>
              </td>
              <td data-label="Now">
                <Containers version={item.now} />
              </td>
              <td data-label="Then">
                <Containers version={item.then} />
              </td>
              <td data-wide>
                <Checks item={item} />
              </td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}
