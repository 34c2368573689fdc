/**
 * The benchmark's TypeScript has no DOM library (it runs in Node, tsconfig.node.json), so the
 * functions it runs inside the page reach the few page APIs they use through these types:
 * `const { document } = globalThis as unknown as PageGlobals`.
 */
export interface PageElement {
  textContent: string | null;
  scrollTop: number;
  scrollIntoView(options: { block: string; inline: string; behavior: string }): void;
  scrollBy(options: { top: number; behavior: string }): void;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement>;
}
interface PagePort {
  onmessage: ((event: { data: number }) => void) | null;
  postMessage(value: number): void;
  close(): void;
}
export interface PageGlobals {
  document: PageElement;
  performance: { now(): number };
  requestAnimationFrame(callback: (timestamp: number) => void): number;
  setTimeout(callback: () => void, ms: number): number;
  MessageChannel: new () => { port1: PagePort; port2: PagePort };
}
