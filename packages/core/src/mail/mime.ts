// A small MIME reader for the dev SMTP sink: headers (RFC 5322, folded),
// RFC 2047 encoded words, multipart bodies, base64 / quoted-printable parts.
// Enough for what nodemailer sends; not a general mail parser.

export interface ParsedMail {
  to: string[];
  subject: string;
  text: string;
  html: string | null;
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

function splitPart(raw: string): Part {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? '' : raw.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeQuotedPrintable(text: string): Buffer {
  const soft = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const c = soft[i]!;
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(c, 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

function decodeBody(part: Part): string {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(part.body).toString('utf8');
  return part.body;
}

/** RFC 2047: =?UTF-8?B?…?= and =?UTF-8?Q?…?= */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, kind: string, data: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')).toString('utf8'),
    );
}

function collect(part: Part, out: { text: string | null; html: string | null }): void {
  const type = part.headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    const pieces = part.body.split(`--${boundary}`).slice(1);
    for (const piece of pieces) {
      if (piece.startsWith('--')) break;
      // The line break before a boundary belongs to the boundary (RFC 2046 §5.1.1).
      collect(splitPart(piece.replace(/^\r?\n/, '').replace(/\r?\n$/, '')), out);
    }
    return;
  }
  if (/^text\/html/i.test(type)) out.html ??= decodeBody(part);
  else if (/^text\/plain/i.test(type)) out.text ??= decodeBody(part);
}

export function parseMail(raw: string): ParsedMail {
  const top = splitPart(raw);
  const out: { text: string | null; html: string | null } = { text: null, html: null };
  collect(top, out);
  const to = (top.headers.get('to') ?? '')
    .split(',')
    .map((a) => (/<([^>]+)>/.exec(a)?.[1] ?? a).trim())
    .filter((a) => a.length > 0);
  return {
    to,
    subject: decodeWords(top.headers.get('subject') ?? ''),
    text: (out.text ?? '').replace(/\r\n/g, '\n').trimEnd(),
    html: out.html,
  };
}
