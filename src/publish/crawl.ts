/**
 * A crawler for tests of the static export: parses every HTML file (tags and their attributes), follows
 * every href, src and srcset, and every url() in CSS, from index.html. Reports broken links, links to a
 * missing #fragment, anything absolute (http:, https:, //, /) and files nothing links to.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative, sep } from "node:path";

export type CrawlReport = { pages: number; links: number; problems: string[]; unreachable: string[] };

type Tag = { name: string; attrs: Map<string, string> };

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", apos: "'" };

/** Start tags with their attributes; comments and the insides of style elements are skipped. */
export function parseTags(html: string): Tag[] {
  const tags: Tag[] = [];
  const text = html.replace(/<!--[\s\S]*?-->/g, "");
  for (const m of text.matchAll(
    /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g,
  )) {
    const attrs = new Map<string, string>();
    for (const a of m[2]!.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
      const value = (a[2] ?? a[3] ?? a[4] ?? "").replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (e, n: string) => {
        if (ENTITIES[n]) return ENTITIES[n];
        if (n.startsWith("#x")) return String.fromCodePoint(Number.parseInt(n.slice(2), 16));
        if (n.startsWith("#")) return String.fromCodePoint(Number(n.slice(1)));
        return e;
      });
      attrs.set(a[1]!.toLowerCase(), value);
    }
    tags.push({ name: m[1]!.toLowerCase(), attrs });
  }
  return tags;
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split(sep).join("/"))
    .filter((f) => !f.split("/").some((s) => s.startsWith("."))); // dot files (the export's manifest) are not pages
}

export function crawl(root: string, start = "index.html"): CrawlReport {
  const all = new Set(files(root));
  const problems: string[] = [];
  const seen = new Set<string>();
  const queue = [start];
  const ids = new Map<string, Set<string>>();
  const fragments: { from: string; file: string; id: string }[] = [];
  let pages = 0;
  let links = 0;
  const idsOf = (file: string) => {
    let s = ids.get(file);
    if (!s) {
      const html = readFileSync(join(root, file), "utf8");
      s = new Set(parseTags(html).flatMap((t) => (t.attrs.has("id") ? [t.attrs.get("id")!] : [])));
      ids.set(file, s);
    }
    return s;
  };
  const follow = (from: string, ref: string) => {
    links++;
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith("//")) {
      if (/^(https?:|\/\/)/i.test(ref)) problems.push(`${from}: absolute URL ${ref}`);
      else if (!/^(data|mailto|tel):/i.test(ref)) problems.push(`${from}: ${ref}`);
      return;
    }
    if (ref.startsWith("/")) {
      problems.push(`${from}: root-relative link ${ref} (breaks in a CMS folder and on file://)`);
      return;
    }
    const [pathPart = "", fragment] = ref.split("#");
    const path = decodeURIComponent(pathPart.split("?")[0]!);
    const target =
      path === ""
        ? from
        : normalize(join(dirname(from), path))
            .split(sep)
            .join("/");
    if (target.startsWith("..")) {
      problems.push(`${from}: ${ref} leaves the site`);
      return;
    }
    if (!all.has(target)) {
      problems.push(
        `${from}: broken link ${ref}${all.has(`${target}/index.html`) ? " (a folder: file:// cannot open it)" : ""}`,
      );
      return;
    }
    if (fragment && target.endsWith(".html")) fragments.push({ from, file: target, id: fragment });
    if (!seen.has(target)) {
      seen.add(target);
      queue.push(target);
    }
  };
  seen.add(start);
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (file.endsWith(".html")) {
      pages++;
      const html = readFileSync(join(root, file), "utf8");
      if (!/^<!DOCTYPE html>/i.test(html)) problems.push(`${file}: no doctype`);
      for (const tag of parseTags(html)) {
        for (const attr of ["href", "src", "action", "poster", "data"]) {
          const v = tag.attrs.get(attr);
          // An SVG's own href to an element inside it (#id) is not a link between files.
          if (v !== undefined && !(tag.name !== "a" && v.startsWith("#"))) follow(file, v);
        }
        const srcset = tag.attrs.get("srcset");
        if (srcset) for (const part of srcset.split(",")) follow(file, part.trim().split(/\s+/)[0]!);
        const style = tag.attrs.get("style");
        if (style)
          for (const m of style.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g))
            if (!m[1]!.startsWith("#")) follow(file, m[1]!);
      }
      for (const m of html.matchAll(/url\(\s*['"]?([^'")#][^'")]*)['"]?\s*\)/g)) follow(file, m[1]!);
    } else if (file.endsWith(".css") || file.endsWith(".svg")) {
      const text = readFileSync(join(root, file), "utf8");
      for (const m of text.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g))
        if (!m[1]!.startsWith("#")) follow(file, m[1]!);
      for (const m of text.matchAll(/@import\s+['"]([^'"]+)['"]/g)) follow(file, m[1]!);
      if (file.endsWith(".svg")) for (const m of text.matchAll(/\shref="([^"#][^"]*)"/g)) follow(file, m[1]!);
    }
  }
  for (const f of fragments) {
    if (!idsOf(f.file).has(f.id)) problems.push(`${f.from}: ${f.file}#${f.id} has no such id`);
  }
  const unreachable = [...all].filter((f) => !seen.has(f)).sort();
  return { pages, links, problems, unreachable: unreachable.map((f) => relative(".", f)) };
}
