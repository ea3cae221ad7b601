import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  buildImportGraph,
  fileCycles,
  forbiddenImports,
  importSpecifiers,
  layerViolations,
  listTsFiles,
  resolveSpecifier,
  unitCycles,
  unitOf,
  unresolvedEdges,
  type ImportEdge,
} from './import-graph.js';
import { CHANNEL_FORBIDDEN, LAYERS } from './layers.js';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));
const edges = buildImportGraph(SRC);
const files = new Set(listTsFiles(SRC));

/** Joins problems into one message, so a failure names every offending file and import. */
const report = (problems: readonly string[]) => problems.join('\n');

describe('src/ layering', () => {
  it('sees the imports of the tree (guards against a parser that finds nothing)', () => {
    expect(files.size).toBeGreaterThan(100);
    expect(edges.length).toBeGreaterThan(300);
    expect(edges).toContainEqual({
      from: 'main.ts',
      to: 'create-service.ts',
      specifier: './create-service.js',
    });
  });

  it('resolves every relative import to a file in src/', () => {
    expect(report(unresolvedEdges(edges, files))).toBe('');
  });

  it('keeps channels away from answer, retrieval, drafting, cards, calculators, escalation and citations', () => {
    expect(report(forbiddenImports(edges, 'channels', CHANNEL_FORBIDDEN))).toBe('');
  });

  it('imports only from the same or a lower layer, and every unit has a layer', () => {
    expect(report(layerViolations(edges, LAYERS))).toBe('');
  });

  it('has no cycle among the top-level folders', () => {
    expect(report(unitCycles(edges))).toBe('');
  });

  it('has no cycle among files', () => {
    expect(report(fileCycles(edges))).toBe('');
  });
});

describe('import graph checker', () => {
  const edge = (from: string, to: string): ImportEdge => ({ from, to, specifier: `<${to}>` });

  it('parses static, type, re-export, multi-line and dynamic imports, skipping comments', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b/b.js';",
      "export { c } from './c.js';",
      'import {',
      '  d,',
      "} from './d.js';",
      "const e = await import('./e.js');",
      "// import { f } from './f.js';",
      "import fs from 'node:fs';",
    ].join('\n');
    expect(importSpecifiers(text)).toEqual(['./a.js', '../b/b.js', './c.js', './d.js', './e.js', 'node:fs']);
  });

  it('resolves .js specifiers to .ts files and folders to index.ts; skips packages', () => {
    const known = new Set(['answer/index.ts', 'answer/x.ts', 'core/types.ts']);
    expect(resolveSpecifier('answer/x.ts', '../core/types.js', known)).toBe('core/types.ts');
    expect(resolveSpecifier('create-bot.ts', './answer/index.js', known)).toBe('answer/index.ts');
    expect(resolveSpecifier('create-bot.ts', './answer', known)).toBe('answer/index.ts');
    expect(resolveSpecifier('answer/x.ts', 'zod', known)).toBeUndefined();
    expect(resolveSpecifier('answer/x.ts', './gone.js', known)).toBe('answer/gone.js');
  });

  it('names units by top-level folder, or by file for files directly in src/', () => {
    expect(unitOf('channels/http/http-server.ts')).toBe('channels');
    expect(unitOf('create-service.ts')).toBe('create-service');
  });

  it('reports a channel importing the answer engine, naming the file and the import', () => {
    const problems = forbiddenImports(
      [edge('channels/http/http-server.ts', 'answer/answer-engine.ts'), edge('channels/a.ts', 'conversation/b.ts')],
      'channels',
      CHANNEL_FORBIDDEN,
    );
    expect(problems).toEqual([
      "src/channels/http/http-server.ts imports '<answer/answer-engine.ts>' (src/answer/answer-engine.ts)",
    ]);
  });

  it('reports an import from an outer layer and a unit missing from the table', () => {
    const layers = { conversation: 2, answer: 3, core: 6 };
    const problems = layerViolations(
      [
        edge('answer/answer-engine.ts', 'core/types.ts'),
        edge('answer/answer-engine.ts', 'conversation/types.ts'),
        edge('answer/x.ts', 'answer/y.ts'),
        edge('mystery/m.ts', 'core/types.ts'),
      ],
      layers,
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('src/answer/answer-engine.ts imports');
    expect(problems[0]).toContain("layer 3 'answer' may not import layer 2 'conversation'");
    expect(problems[1]).toBe("'mystery' has no layer in the layer table");
  });

  it('finds a folder cycle and lists the imports that form it', () => {
    const problems = unitCycles([
      edge('stores/s.ts', 'conversation/types.ts'),
      edge('conversation/core.ts', 'stores/ticket-store.ts'),
      edge('conversation/core.ts', 'core/types.ts'),
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('cycle among conversation, stores');
    expect(problems[0]).toContain("src/conversation/core.ts imports '<stores/ticket-store.ts>'");
    expect(problems[0]).toContain("src/stores/s.ts imports '<conversation/types.ts>'");
    expect(problems[0]).not.toContain('core/types.ts');
  });

  it('finds a file cycle, including one through three files, and passes an acyclic graph', () => {
    const three = fileCycles([edge('a/x.ts', 'a/y.ts'), edge('a/y.ts', 'b/z.ts'), edge('b/z.ts', 'a/x.ts')]);
    expect(three).toHaveLength(1);
    expect(three[0]).toContain('cycle among a/x.ts, a/y.ts, b/z.ts');
    expect(fileCycles([edge('a/x.ts', 'a/y.ts'), edge('a/x.ts', 'b/z.ts'), edge('a/y.ts', 'b/z.ts')])).toEqual([]);
    expect(unitCycles([edge('a/x.ts', 'a/y.ts'), edge('a/y.ts', 'a/x.ts')])).toEqual([]);
  });
});
