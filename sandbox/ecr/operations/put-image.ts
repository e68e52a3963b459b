// PutImage: store a manifest under an optional tag (aws-behaviour.md §4.2). Emulator choice: layers and
// config blobs are not uploaded to the sandbox, so LayersNotFoundException never occurs.
import { invalidParameter } from "../../core/aws-error";
import type { Operation } from "../../core/operation";
import { optionalString, requiredString } from "../../core/validate";
import { pushManifest } from "../push";
import { repositoryOf } from "./input";

export const putImage: Operation = (input, ctx) => {
  const { repo, registryId } = repositoryOf(input, ctx);
  const imageManifest = requiredString(input, "imageManifest");
  const imageTag = optionalString(input, "imageTag");
  if (imageTag !== undefined && (imageTag.length < 1 || imageTag.length > 300)) {
    throw invalidParameter("imageTag must be between 1 and 300 characters.");
  }
  const image = pushManifest(repo, registryId, {
    manifest: imageManifest,
    mediaType: optionalString(input, "imageManifestMediaType"),
    expectedDigest: optionalString(input, "imageDigest"),
    tags: imageTag === undefined ? [] : [imageTag],
    pushedAt: ctx.now,
    strict: true,
  });
  return {
    image: {
      registryId,
      repositoryName: repo.name,
      imageId: { imageDigest: image.digest, imageTag },
      imageManifest: image.manifest,
      imageManifestMediaType: image.mediaType,
    },
  };
};
