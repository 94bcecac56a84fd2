/**
 * Evidence files (根拠資料): which files are accepted, recognised by their name's extension AND their first
 * bytes (a renamed executable is not a PDF), and a file name made safe to store and to send back.
 * Pure: no I/O.
 */

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

type Kind = { label: string; contentType: string; magic: (b: Uint8Array) => boolean };

const starts = (b: Uint8Array, ...bytes: number[]) => bytes.every((x, i) => b[i] === x);
const zip = (b: Uint8Array) => starts(b, 0x50, 0x4b, 0x03, 0x04);
const ole = (b: Uint8Array) => starts(b, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
/** CSV: text, without NUL bytes (UTF-8 or Shift_JIS alike). */
const text = (b: Uint8Array) => b.length > 0 && !b.subarray(0, 64 * 1024).includes(0);

const KINDS: Record<string, Kind> = {
  pdf: {
    label: "PDF",
    contentType: "application/pdf",
    magic: (b) => starts(b, 0x25, 0x50, 0x44, 0x46, 0x2d),
  },
  docx: {
    label: "Word",
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    magic: zip,
  },
  xlsx: {
    label: "Excel",
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    magic: zip,
  },
  pptx: {
    label: "PowerPoint",
    contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    magic: zip,
  },
  doc: { label: "Word", contentType: "application/msword", magic: ole },
  xls: { label: "Excel", contentType: "application/vnd.ms-excel", magic: ole },
  ppt: { label: "PowerPoint", contentType: "application/vnd.ms-powerpoint", magic: ole },
  odt: { label: "ODF", contentType: "application/vnd.oasis.opendocument.text", magic: zip },
  ods: { label: "ODF", contentType: "application/vnd.oasis.opendocument.spreadsheet", magic: zip },
  odp: { label: "ODF", contentType: "application/vnd.oasis.opendocument.presentation", magic: zip },
  png: {
    label: "PNG",
    contentType: "image/png",
    magic: (b) => starts(b, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
  },
  jpg: { label: "JPEG", contentType: "image/jpeg", magic: (b) => starts(b, 0xff, 0xd8, 0xff) },
  jpeg: { label: "JPEG", contentType: "image/jpeg", magic: (b) => starts(b, 0xff, 0xd8, 0xff) },
  gif: { label: "GIF", contentType: "image/gif", magic: (b) => starts(b, 0x47, 0x49, 0x46, 0x38) },
  csv: { label: "CSV", contentType: "text/csv; charset=utf-8", magic: text },
};

export const ALLOWED_EXTENSIONS = Object.keys(KINDS);

/**
 * The name as stored: the last path segment only (no ../ or folders), without control characters or
 * characters Windows refuses, trimmed, at most 200 characters (the extension kept).
 */
export function safeFileName(raw: string): string {
  const last = raw.split(/[/\\]/).at(-1) ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  let name = last.replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, "").trim();
  name = name.replace(/^\.+/, "").trim();
  if ([...name].length > 200) {
    const dot = name.lastIndexOf(".");
    const ext = dot > 0 ? name.slice(dot) : "";
    name = [...name.slice(0, name.length - ext.length)].slice(0, 200 - ext.length).join("") + ext;
  }
  return name;
}

export type EvidenceCheck =
  | { ok: true; fileName: string; contentType: string; size: number }
  | { ok: false; message: string };

const LIST = "PDF、Word・Excel・PowerPoint（docx/xlsx/pptx、doc/xls/ppt）、ODF、画像（PNG・JPEG・GIF）、CSV";

export function checkEvidence(rawName: string, bytes: Uint8Array): EvidenceCheck {
  const fileName = safeFileName(rawName);
  if (fileName === "" || bytes.length === 0)
    return { ok: false, message: "ファイルを選んでください（空のファイルは添付できません）。" };
  if (bytes.length > MAX_EVIDENCE_BYTES)
    return {
      ok: false,
      message: `「${fileName}」は大きすぎます（${(bytes.length / 1024 / 1024).toFixed(1)} MB）。上限は ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB です。何も保存していません。`,
    };
  const dot = fileName.lastIndexOf(".");
  const ext = dot > 0 ? fileName.slice(dot + 1).toLowerCase() : "";
  const kind = KINDS[ext];
  if (!kind)
    return {
      ok: false,
      message: `「${fileName}」の種類は添付できません。添付できるのは ${LIST} です。何も保存していません。`,
    };
  if (!kind.magic(bytes))
    return {
      ok: false,
      message: `「${fileName}」は拡張子が .${ext} ですが、中身が${kind.label}ではありません。何も保存していません。`,
    };
  return { ok: true, fileName, contentType: kind.contentType, size: bytes.length };
}

/** Content-Disposition for a download (RFC 6266 / RFC 5987): an ASCII fallback and the UTF-8 name. */
export function contentDisposition(
  fileName: string,
  disposition: "attachment" | "inline" = "attachment",
): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%;]/g, "_") || "file";
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
