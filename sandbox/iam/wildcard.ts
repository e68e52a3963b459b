// IAM's wildcards: `*` matches any run of characters and `?` any one character. Action names are
// case-insensitive in IAM (`ecs:describe*` allows ecs:DescribeServices); resource ARNs are not.
const cache = new Map<string, RegExp>();

function compile(pattern: string, ignoreCase: boolean): RegExp {
  const key = `${ignoreCase ? "i" : "c"}${pattern}`;
  let regex = cache.get(key);
  if (!regex) {
    const body = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
    regex = new RegExp(`^${body}$`, ignoreCase ? "is" : "s");
    cache.set(key, regex);
  }
  return regex;
}

export const actionMatches = (pattern: string, action: string) => compile(pattern, true).test(action);
export const resourceMatches = (pattern: string, resource: string) => compile(pattern, false).test(resource);
