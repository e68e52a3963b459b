// GET /api/v1/services/{env}/{cluster}/{service}/plan?revision=family:N | ?container=C&tag=T |
// ?container=C&digest=D | ?suggested=1 — the plan, diff and preflight, changing nothing (see docs/api.md).
import { deployContext, planOperation, serviceRefSchema, targetFromQuery } from "@/lib/deploy";
import { BadRequestError } from "@/lib/errors";
import { parseOrBadRequest } from "@/lib/queries/params";
import { apiRoute } from "../../../../../_lib/api-route";

export const dynamic = "force-dynamic";

const TARGET_PARAMS = new Set(["revision", "container", "tag", "digest", "suggested"]);

export const GET = apiRoute<{ env: string; cluster: string; service: string }>("viewer", async (request, params, actor) => {
  const ref = parseOrBadRequest(serviceRefSchema, params);
  const query = new URL(request.url).searchParams;
  const unknown = [...query.keys()].find((name) => !TARGET_PARAMS.has(name));
  if (unknown) throw new BadRequestError(`Unknown query parameter "${unknown}": use revision, container with tag or digest, or suggested=1`);
  const target = targetFromQuery(query);
  if (!target.success) throw new BadRequestError(`target: ${target.error.issues[0]?.message ?? "invalid"}`);
  return planOperation(await deployContext(actor), { ref, target: target.data });
});
