/** Who sent a runtime message, as chrome.runtime.onMessage reports it (the fields this check reads). */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: unknown;
}

/**
 * True only for a message from this extension's own service worker: same extension id, sent from
 * the worker's script URL, from no tab. The popup and any other extension page are refused too,
 * so only the background (which applies the queue, deadlines and storage) can ask for work.
 */
export function isOwnWorker(sender: MessageSender, extensionId: string, workerUrl: string): boolean {
  return sender.id === extensionId && sender.url === workerUrl && sender.tab === undefined;
}
