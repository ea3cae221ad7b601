/**
 * Compiles a `{ "re": ... }` pattern of the triage files. The loader (src/knowledge/load-triage.ts) has
 * already checked that it compiles; this still names the file for data handed over without the loader.
 */
export function compileTriageRegex(source: string, flags: string, file: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${file}: bad regular expression ${source}: ${reason}`, { cause: error });
  }
}
