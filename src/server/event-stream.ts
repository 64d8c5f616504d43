/**
 * Server-Sent Events to every open page: one long response per page, one JSON message per
 * event. A comment line every 20 seconds keeps idle connections from being dropped.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

export class EventStream<Message> {
  private readonly clients = new Set<ServerResponse>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor() {
    this.heartbeat = setInterval(() => {
      for (const res of this.clients) res.write(": ping\n\n");
    }, 20_000);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  /** Opens a stream for the request and sends `first` on it. */
  accept(req: IncomingMessage, res: ServerResponse, first: Message): void {
    res.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    });
    res.write("retry: 500\n\n");
    this.clients.add(res);
    const drop = () => this.clients.delete(res);
    req.on("close", drop);
    res.on("error", drop);
    res.write(frame(first));
  }

  broadcast(message: Message): void {
    const text = frame(message);
    for (const res of this.clients) res.write(text);
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }
}

function frame(message: unknown): string {
  // JSON has no raw newlines, so one `data:` line always holds the whole message.
  return `data: ${JSON.stringify(message)}\n\n`;
}
