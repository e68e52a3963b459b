// UpdateImageStorageClass (aws-behaviour.md §8.5): archive an image, or start restoring it to STANDARD.
import type { Operation } from "../../core/operation";
import { oneOf, requiredString } from "../../core/validate";
import { changeStorageClass, imageStatus, type StorageClass } from "../storage-class";
import { targetImageOf } from "./input";

const STORAGE_CLASSES: readonly StorageClass[] = ["STANDARD", "ARCHIVE"];

export const updateImageStorageClass: Operation = (input, ctx) => {
  // requiredString already refused a missing value, so oneOf returns the member itself.
  const target = oneOf(requiredString(input, "targetStorageClass"), "targetStorageClass", STORAGE_CLASSES) as StorageClass;
  const { repo, registryId, id, image } = targetImageOf(input, ctx);
  changeStorageClass(image, target, ctx.now);
  return {
    registryId,
    repositoryName: repo.name,
    imageId: { imageDigest: image.digest, imageTag: id.imageTag },
    imageStatus: imageStatus(image, ctx.now),
  };
};
