import { EventEmitter } from 'node:events';

/** What changed, for live views: a ticket id, or undefined for "the queue changed". */
export interface LiveChange {
  readonly ticketId?: string;
}

/** In-process fan-out of changes to the console's server-sent-event streams. */
export class LiveHub {
  private readonly emitter = new EventEmitter();

  constructor() {
    // One listener per open browser tab.
    this.emitter.setMaxListeners(0);
  }

  publish(change: LiveChange): void {
    this.emitter.emit('change', change);
  }

  subscribe(listener: (change: LiveChange) => void): () => void {
    this.emitter.on('change', listener);
    return () => this.emitter.off('change', listener);
  }
}
