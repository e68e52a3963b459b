// Plausible scan findings for seeded images: every severity appears across a repository, CRITICAL rarely.
import type { SeedFinding } from "../core/operation";
import type { Rng } from "./prng";

const PACKAGES: ReadonlyArray<[name: string, version: string, fixed: string]> = [
  ["openssl", "3.0.2-0ubuntu1.10", "3.0.2-0ubuntu1.15"],
  ["glibc", "2.35-0ubuntu3.1", "2.35-0ubuntu3.6"],
  ["zlib", "1:1.2.11.dfsg-2ubuntu9", "1:1.2.11.dfsg-2ubuntu9.2"],
  ["curl", "7.81.0-1ubuntu1.10", "7.81.0-1ubuntu1.15"],
  ["libxml2", "2.9.13+dfsg-1ubuntu0.2", "2.9.13+dfsg-1ubuntu0.4"],
  ["expat", "2.4.7-1ubuntu0.2", "2.4.7-1ubuntu0.3"],
  ["busybox", "1.36.1-r5", "1.36.1-r7"],
  ["sqlite3", "3.37.2-2ubuntu0.1", "3.37.2-2ubuntu0.3"],
  ["krb5", "1.19.2-2ubuntu0.2", "1.19.2-2ubuntu0.3"],
  ["ncurses", "6.3-2ubuntu0.1", ""],
];

const COUNTS: ReadonlyArray<[SeedFinding["severity"], min: number, max: number]> = [
  ["HIGH", 0, 3],
  ["MEDIUM", 0, 5],
  ["LOW", 0, 4],
  ["INFORMATIONAL", 0, 2],
  ["UNDEFINED", 0, 1],
];

export function randomFindings(rng: Rng): SeedFinding[] {
  const findings: SeedFinding[] = [];
  if (rng.chance(0.12)) findings.push(finding(rng, "CRITICAL"));
  for (const [severity, min, max] of COUNTS) {
    const count = rng.int(min, max);
    for (let i = 0; i < count; i += 1) findings.push(finding(rng, severity));
  }
  return findings;
}

function finding(rng: Rng, severity: SeedFinding["severity"]): SeedFinding {
  const [packageName, packageVersion, fixed] = rng.pick(PACKAGES);
  return {
    id: `CVE-${rng.int(2021, 2025)}-${rng.int(1000, 49_999)}`,
    severity,
    packageName,
    packageVersion,
    fixedInVersion: fixed || undefined,
    description: `${severity.toLowerCase()} severity issue in ${packageName} ${packageVersion}.`,
  };
}
