import type { FastifyInstance } from 'fastify';
import type { InboundMessage, OutboundReply, WorkerSender } from '../../conversation/types.js';

/** What a platform adapter needs from the conversation core. */
export interface ChannelPort {
  handle(msg: InboundMessage): Promise<OutboundReply[]>;
}

/** A webhook-based platform channel: routes under `/channels/<name>`, a sender for staff replies. */
export interface PlatformChannel {
  readonly name: 'wechat_oa' | 'wecom_kf' | 'zalo';
  readonly sender: WorkerSender;
  /** Adds the channel's routes to the channels HTTP server. */
  register(app: FastifyInstance): void;
  /** Resolves when no answer is being computed or sent (tests; shutdown). */
  idle(): Promise<void>;
  /** Stops background work and waits for answers still being sent, so the stores can be closed after it. */
  stop(): Promise<void>;
}

/** Tracks background work (late sends, message pulls) so stop() can wait for it. */
export class BackgroundTasks {
  private readonly running = new Set<Promise<unknown>>();

  run(task: Promise<unknown>): void {
    const tracked = task.catch(() => undefined).finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }

  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
