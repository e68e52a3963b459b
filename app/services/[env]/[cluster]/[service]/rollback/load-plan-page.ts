// Everything the plan page shows, read in parallel: the plan for the chosen target (fresh from AWS),
// the service (its revisions and what runs now) and, per container repository, its prod-<sha> images.
// A plan that cannot be made (unknown revision, another repository's digest, AWS refusing) is shown
// on the page next to the other targets, so the person can pick another one.
import type { Actor } from "@/lib/auth/actor";
import { deployContext, planOperation, type PlanView, type ServiceRef, type TargetInput } from "@/lib/deploy";
import { describeError, type UserFacingError } from "@/lib/errors";
import { getImageHistory } from "@/lib/queries/image-history";
import { getServiceDetail } from "@/lib/queries/service-detail";
import type { ServiceDetail } from "@/lib/queries/types";
import type { ContainerImages } from "@/app/_deploy/candidate-targets";

const IMAGES_SHOWN = 15;

export interface PlanPageData {
  detail: ServiceDetail;
  plan?: PlanView;
  planError?: UserFacingError;
  images: ContainerImages[];
}

async function settle<T>(promise: Promise<T>): Promise<{ value: T } | { error: UserFacingError }> {
  try {
    return { value: await promise };
  } catch (error) {
    const described = describeError(error);
    if (!described) throw error;
    return { error: described.userFacing };
  }
}

async function imagesOf(ref: ServiceRef, detail: ServiceDetail): Promise<ContainerImages[]> {
  const containers = detail.row.containers.filter((c) => c.repository !== undefined);
  return Promise.all(
    containers.map(async (c): Promise<ContainerImages> => {
      const repository = c.repository as string;
      const history = await settle(getImageHistory(ref.env, repository, { page: 1, pageSize: IMAGES_SHOWN, prod: true }));
      return "value" in history ? { container: c.container, repository, images: history.value.images } : { container: c.container, repository, images: [], error: history.error.message };
    }),
  );
}

export async function loadPlanPage(actor: Actor, ref: ServiceRef, target: TargetInput): Promise<PlanPageData> {
  const ctx = await deployContext(actor);
  const [detail, plan] = await Promise.all([getServiceDetail(ref.env, ref.cluster, ref.service), settle(planOperation(ctx, { ref, target }))]);
  const images = await imagesOf(ref, detail);
  return { detail, images, ...("value" in plan ? { plan: plan.value } : { planError: plan.error }) };
}
