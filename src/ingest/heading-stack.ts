/** Markdown heading levels seen so far (## chapter > ### section), for an article's context. */
export class HeadingStack {
  private readonly stack: { level: number; text: string }[] = [];

  /** Records a heading at `level` (number of #), closing deeper or equal ones. */
  push(level: number, text: string): void {
    while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.level >= level) this.stack.pop();
    this.stack.push({ level, text });
  }

  /** The open headings, outermost first. */
  texts(): string[] {
    return this.stack.map((h) => h.text);
  }
}
