/** The message of a thrown value, for log lines (never the worker's text). */
export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
