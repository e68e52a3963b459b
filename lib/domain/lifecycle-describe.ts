// A lifecycle rule as one sentence for the UI: "Keep the 10 newest images tagged prod*".
import type { LifecycleRule } from "./lifecycle-policy";

function subject(rule: LifecycleRule, noun: "image" | "images"): string {
  const { tagStatus, tagPrefixList, tagPatternList } = rule.selection;
  if (tagStatus === "untagged") return `untagged ${noun}`;
  if (tagStatus === "any") return noun;
  const tags = tagPrefixList?.map((prefix) => `${prefix}*`) ?? tagPatternList ?? [];
  return `${noun} tagged ${tags.join(" and ")}`;
}

export function describeRule(rule: LifecycleRule): string {
  const { countType, countNumber } = rule.selection;
  if (countType === "sinceImagePushed") {
    return `Expire ${subject(rule, "images")} pushed more than ${countNumber} ${countNumber === 1 ? "day" : "days"} ago`;
  }
  return countNumber === 1 ? `Keep the newest ${subject(rule, "image")}` : `Keep the ${countNumber} newest ${subject(rule, "images")}`;
}
