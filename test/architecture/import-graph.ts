// Builds the import graph of src/ and checks it against the layer table. The checks are plain
// functions over an edge list, so the test can prove they fail on a made-up violation.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** One resolved import: `from` imports `to` (both relative to src/, forward slashes). */
export interface ImportEdge {
  from: string;
  to: string;
  specifier: string;
}

/** Every .ts file under `dir`, relative to it, sorted. */
export function listTsFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listTsFiles(dir, rel));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out.sort();
}

/**
 * Module specifiers of every static import, `export ... from`, `import type`, `import x = require()`
 * and dynamic `import('literal')` in a source text. The TypeScript scanner does the parsing, so
 * multi-line imports and comments are handled the way the compiler handles them.
 */
export function importSpecifiers(sourceText: string): string[] {
  const info = ts.preProcessFile(sourceText, true, true);
  return info.importedFiles.map((f) => f.fileName);
}

/**
 * The src-relative file a relative specifier points at, or undefined for packages and node:
 * builtins. `./x.js` resolves to `x.ts`, a folder to its `index.ts`; a relative specifier that
 * matches no file is returned as written so the caller can report it.
 */
export function resolveSpecifier(fromFile: string, specifier: string, files: ReadonlySet<string>): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  const candidates = [
    base,
    base.replace(/\.js$/, '.ts'),
    `${base}.ts`,
    `${base}/index.ts`,
    `${base.replace(/\.js$/, '')}/index.ts`,
  ];
  return candidates.find((c) => files.has(c)) ?? base;
}

/** All relative imports among the .ts files under `srcDir`. */
export function buildImportGraph(srcDir: string): ImportEdge[] {
  const files = listTsFiles(srcDir);
  const known = new Set(files);
  const edges: ImportEdge[] = [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(srcDir, file), 'utf8');
    for (const specifier of importSpecifiers(text)) {
      const to = resolveSpecifier(file, specifier, known);
      if (to !== undefined) edges.push({ from: file, to, specifier });
    }
  }
  return edges;
}

/**
 * The unit the layer table speaks about: the top-level folder of a file, or the file name without
 * `.ts` for files directly in src/ (`main`, `create-service`, `index`).
 */
export function unitOf(file: string): string {
  const slash = file.indexOf('/');
  return slash < 0 ? file.replace(/\.ts$/, '') : file.slice(0, slash);
}

export function describeEdge(e: ImportEdge): string {
  return `src/${e.from} imports '${e.specifier}' (src/${e.to})`;
}

/** Edges whose target is not a file in src/ (a typo or a file that moved). */
export function unresolvedEdges(edges: readonly ImportEdge[], files: ReadonlySet<string>): string[] {
  return edges.filter((e) => !files.has(e.to)).map(describeEdge);
}

/** Imports from any of `forbidden` units inside the `consumer` unit. */
export function forbiddenImports(
  edges: readonly ImportEdge[],
  consumer: string,
  forbidden: readonly string[],
): string[] {
  return edges.filter((e) => unitOf(e.from) === consumer && forbidden.includes(unitOf(e.to))).map(describeEdge);
}

/**
 * Imports that reach a unit in a higher (outer) layer than the importer's own. Layers are numbered
 * from the outside in (0 = entry points); a unit may import its own layer or any larger number.
 * A unit missing from the table is reported too, so a new folder must be placed deliberately.
 */
export function layerViolations(edges: readonly ImportEdge[], layers: Readonly<Record<string, number>>): string[] {
  const problems: string[] = [];
  const missing = new Set<string>();
  for (const e of edges) {
    const fromUnit = unitOf(e.from);
    const toUnit = unitOf(e.to);
    if (fromUnit === toUnit) continue;
    const fromLayer = layers[fromUnit];
    const toLayer = layers[toUnit];
    if (fromLayer === undefined) missing.add(fromUnit);
    if (toLayer === undefined) missing.add(toUnit);
    if (fromLayer === undefined || toLayer === undefined) continue;
    if (toLayer < fromLayer) {
      problems.push(`${describeEdge(e)}: layer ${fromLayer} '${fromUnit}' may not import layer ${toLayer} '${toUnit}'`);
    }
  }
  for (const unit of [...missing].sort()) problems.push(`'${unit}' has no layer in the layer table`);
  return problems;
}

/** Strongly connected components with more than one node (or a self-loop), via Tarjan's algorithm. */
export function cycles(nodes: readonly string[], links: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];

  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of links.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfLoop = component.length === 1 && (links.get(v)?.has(v) ?? false);
      if (component.length > 1 || selfLoop) found.push(component.sort());
    }
  };
  for (const n of nodes) if (!index.has(n)) visit(n);
  return found;
}

/** Cycles among files, each reported with the imports that close it. */
export function fileCycles(edges: readonly ImportEdge[]): string[] {
  return describeCycles(edges, (f) => f);
}

/** Cycles among top-level units (folders and root files), with the imports that form them. */
export function unitCycles(edges: readonly ImportEdge[]): string[] {
  return describeCycles(edges, unitOf);
}

function describeCycles(edges: readonly ImportEdge[], nodeOf: (file: string) => string): string[] {
  const links = new Map<string, Set<string>>();
  const nodes = new Set<string>();
  // The imports behind each node-to-node link, so a report can name them.
  const byLink = new Map<string, ImportEdge[]>();
  for (const e of edges) {
    const a = nodeOf(e.from);
    const b = nodeOf(e.to);
    nodes.add(a);
    nodes.add(b);
    // Imports inside one folder are not folder-level links (file cycles are checked separately).
    if (a === b && nodeOf === unitOf) continue;
    if (!links.has(a)) links.set(a, new Set());
    links.get(a)!.add(b);
    const key = `${a}\u0000${b}`;
    byLink.set(key, [...(byLink.get(key) ?? []), e]);
  }
  return cycles([...nodes].sort(), links).map((component) => {
    const members = new Set(component);
    const lines: string[] = [];
    for (const [key, linkEdges] of [...byLink].sort(([x], [y]) => x.localeCompare(y))) {
      const [a, b] = key.split('\u0000') as [string, string];
      if (!members.has(a) || !members.has(b)) continue;
      const more = linkEdges.length > 1 ? ` (and ${linkEdges.length - 1} more)` : '';
      lines.push(`${a} -> ${b}: ${describeEdge(linkEdges[0]!)}${more}`);
    }
    return `cycle among ${component.join(', ')}:\n  ${lines.join('\n  ')}`;
  });
}
