// The ECR operations the sandbox serves, keyed by the X-Amz-Target operation name.
import type { OperationTable } from "../core/operation";
import { batchDeleteImage, batchGetImage } from "./operations/batch-images";
import { deleteLifecyclePolicy, getLifecyclePolicy, putLifecyclePolicy } from "./operations/lifecycle-policy";
import { getLifecyclePolicyPreview, startLifecyclePolicyPreview } from "./operations/lifecycle-preview";
import { describeImages, listImages } from "./operations/list-images";
import { putImage } from "./operations/put-image";
import { createRepository, describeRepositories } from "./operations/repositories";
import { describeImageScanFindings, startImageScan } from "./operations/scans";
import { updateImageStorageClass } from "./operations/storage-class";

export const ecrOperations: OperationTable = {
  CreateRepository: createRepository,
  DescribeRepositories: describeRepositories,
  PutImage: putImage,
  DescribeImages: describeImages,
  ListImages: listImages,
  BatchGetImage: batchGetImage,
  BatchDeleteImage: batchDeleteImage,
  StartImageScan: startImageScan,
  DescribeImageScanFindings: describeImageScanFindings,
  PutLifecyclePolicy: putLifecyclePolicy,
  GetLifecyclePolicy: getLifecyclePolicy,
  DeleteLifecyclePolicy: deleteLifecyclePolicy,
  StartLifecyclePolicyPreview: startLifecyclePolicyPreview,
  GetLifecyclePolicyPreview: getLifecyclePolicyPreview,
  UpdateImageStorageClass: updateImageStorageClass,
};
