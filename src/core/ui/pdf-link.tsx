/**
 * A link to a PDF where the server can make one; where it cannot (no Chromium), the plain words that say what
 * PDF needs, in the link's place. The other downloads beside it stay.
 */
import type { Child } from "hono/jsx";
import { chromiumForPages, PDF_UNAVAILABLE_SHORT } from "../pdf/chromium.ts";

export function PdfLink({ href, children, download }: { href: string; children: Child; download?: boolean }) {
  if (!chromiumForPages()) return <span class="pdf-unavailable">{PDF_UNAVAILABLE_SHORT}</span>;
  return (
    <a href={href} download={download}>
      {children}
    </a>
  );
}
