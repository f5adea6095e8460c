import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted assistant message: text content, or tool calls with their raw argument strings. */
export type ScriptedMessage =
  | { content: string }
  | { toolCalls: readonly { name: string; arguments: string }[] };

/** A local server speaking the OpenAI chat-completions wire format, answering from a script. */
export interface ChatCompletionsServer {
  /** `http://127.0.0.1:PORT/v1`. */
  readonly baseURL: string;
  /** The JSON bodies of the chat-completions requests received, in order. */
  readonly bodies: Record<string, unknown>[];
  close(): Promise<void>;
}

function completion(message: ScriptedMessage, index: number, model: string): Record<string, unknown> {
  const base = { id: `chatcmpl-${index}`, object: 'chat.completion', created: 1_700_000_000, model };
  const usage = { prompt_tokens: 900, completion_tokens: 120, total_tokens: 1020 };
  if ('content' in message)
    return {
      ...base,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: message.content, refusal: null },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage,
    };
  return {
    ...base,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: null,
          refusal: null,
          tool_calls: message.toolCalls.map((call, i) => ({
            id: `call_${index}_${i}`,
            type: 'function',
            function: { name: call.name, arguments: call.arguments },
          })),
        },
        logprobs: null,
        finish_reason: 'tool_calls',
      },
    ],
    usage,
  };
}

/**
 * Starts a server on 127.0.0.1 that answers `POST /v1/chat/completions` with the scripted messages in
 * order (a 500 once they run out) and records each request body.
 */
export async function startChatCompletionsServer(
  script: readonly ScriptedMessage[],
): Promise<ChatCompletionsServer> {
  const bodies: Record<string, unknown>[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end('{"error":{"message":"not found","type":"invalid_request_error"}}');
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      bodies.push(body);
      const message = script[bodies.length - 1];
      if (message === undefined) {
        res
          .writeHead(500, { 'content-type': 'application/json' })
          .end('{"error":{"message":"script exhausted","type":"server_error"}}');
        return;
      }
      const payload = JSON.stringify(completion(message, bodies.length, String(body.model)));
      res
        .writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) })
        .end(payload);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    bodies,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
