// README.md shows screenshots that `npm run screenshots` writes: every image it references must exist and
// be one of the script's own file names, so the README never points at a missing or stale-named file.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allShotFiles, PAGES } from "../../scripts/lib/screenshot-shots";

const readme = readFileSync("README.md", "utf8");

/** Every image README.md shows: Markdown `![alt](path)` and HTML `<img src="path">`. */
function imagesOf(markdown: string): string[] {
  const markdownImages = [...markdown.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
  const htmlImages = [...markdown.matchAll(/<img\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1]!);
  return [...markdownImages, ...htmlImages];
}

const images = imagesOf(readme);

describe("README screenshots", () => {
  it("finds both kinds of image reference", () => {
    expect(imagesOf('![a](docs/x.png) <img width="2" src="docs/y.png">')).toEqual(["docs/x.png", "docs/y.png"]);
  });

  it("shows each page the script takes", () => {
    for (const page of PAGES) expect(images.some((image) => image.startsWith(`docs/screenshots/${page}-`)), page).toBe(true);
  });

  it.each(images)("%s is a file the script writes, and it exists", (image) => {
    expect(allShotFiles()).toContain(image);
    expect(existsSync(image)).toBe(true);
  });

  it("says how to regenerate them", () => {
    expect(readme).toContain("`npm run screenshots` regenerates them");
  });
});
