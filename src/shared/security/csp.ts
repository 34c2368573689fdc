/**
 * The renderer's Content-Security-Policy, one source for all three places that apply it:
 * the <meta> tag injected into index.html at build time (the desktop app loads file://, where
 * response headers cannot be set), the desktop session's response headers, and the headless
 * host's response headers. 'self' covers the same-origin WebSocket of the headless bridge.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-src 'none'",
].join('; ');
