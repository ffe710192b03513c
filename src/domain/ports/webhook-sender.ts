/** One POST of a signed webhook body to a receiver. Never throws for an answer; throws only what never arrived. */
export type WebhookResponse = { status: number; bodySnippet: string };

export interface WebhookSender {
  post(input: {
    url: string;
    headers: Record<string, string>;
    body: string;
    timeoutMs: number;
    /** Refuse to connect to private/loopback addresses (checked on every address the host resolves to). */
    allowPrivate: boolean;
  }): Promise<WebhookResponse>;
}
