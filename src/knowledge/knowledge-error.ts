/** Thrown for missing or invalid knowledge; the message names the file. */
export class KnowledgeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KnowledgeError';
  }
}
