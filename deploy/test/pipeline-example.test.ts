// docs/examples/github-actions.yml tags what it pushes and deploys so that the dashboard can name the
// commit: the tag must be one the dashboard's default tagPattern recognises, with the whole SHA.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { deploymentProvenance, RUN_URL_TAG } from "../../lib/domain/deployment-provenance";
import { compileTagPattern, DEFAULT_TAG_PATTERN, findCommit } from "../../lib/domain/prod-tag";

const workflow = readFileSync(path.join(__dirname, "..", "..", "docs", "examples", "github-actions.yml"), "utf8");

it("tags the image prod-<full sha>, which the default tag pattern reads back as that commit", () => {
  const template = /^\s*IMAGE_TAG: (?<tag>.+?)\s*$/m.exec(workflow)?.groups?.tag;
  expect(template).toBe("prod-${{ github.sha }}");
  const sha = "0123456789abcdef0123456789abcdef01234567";
  const tag = (template ?? "").replace("${{ github.sha }}", sha);
  expect(findCommit([tag], compileTagPattern(DEFAULT_TAG_PATTERN))).toEqual({ tag, sha });
});

it("deploys that tag: the image it puts in the new revision is the one it pushed", () => {
  expect(workflow).toContain('image="$REGISTRY/$ECR_REPOSITORY:$IMAGE_TAG"');
  expect(workflow).toContain('docker push "$image"');
  expect(workflow).toContain("IMAGE: ${{ steps.image.outputs.image }}");
  expect(workflow).toContain(".containerDefinitions |= map(if .name == $name then .image = $image else . end)");
});

it("assumes its AWS role with OIDC, never with stored keys", () => {
  expect(workflow).toMatch(/id-token: write/);
  expect(workflow).toMatch(/role-to-assume: /);
  expect(workflow).not.toMatch(/aws-access-key-id|aws-secret-access-key|AWS_SECRET_ACCESS_KEY/i);
});

it("tags the revision it registers with its own run's URL under the key the timeline reads, replacing a copied one", () => {
  expect(workflow).toContain("RUN_URL: ${{ github.server_url }}/${{ github.repository }}/actions/runs/${{ github.run_id }}");
  expect(workflow).toContain(`.key == "${RUN_URL_TAG}") | not)]`);
  expect(workflow).toContain(`+ [{key: "${RUN_URL_TAG}", value: $run}]`);
  expect(workflow).toContain('--tags "file://tags.json"');
  // The URL GitHub builds from those parts is one the timeline links (https, no credentials).
  const url = "https://github.com/acme/payments/actions/runs/123";
  const revision = { containers: [{ name: "app", image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments:prod-0123456" }], tags: [{ key: RUN_URL_TAG, value: url }] };
  expect(deploymentProvenance(revision, compileTagPattern(DEFAULT_TAG_PATTERN)).runUrl).toBe(url);
});
