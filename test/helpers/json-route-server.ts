import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a fake platform route answers: an HTTP status and a JSON body. */
export interface JsonRouteResult {
  readonly status: number;
  readonly body: unknown;
}

/** The request body as UTF-8 text. */
export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * A loopback HTTP server that answers every request with the JSON its route
 * returns (500 when the route throws): the shared scaffolding of the fake
 * WeChat, WeCom and Zalo servers, which differ only in their routes.
 */
export class JsonRouteServer {
  private server?: Server;

  constructor(private readonly route: (request: IncomingMessage) => Promise<JsonRouteResult>) {}

  /** Starts on a free port of 127.0.0.1 and returns the base URL. */
  async start(): Promise<string> {
    const server = createServer((request, response) => {
      void this.route(request).then(
        ({ status, body }) => {
          response.writeHead(status, { 'content-type': 'application/json' });
          response.end(JSON.stringify(body));
        },
        () => {
          response.writeHead(500);
          response.end();
        },
      );
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
