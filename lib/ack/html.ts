/**
 * HTML building for the reports we write. Every value interpolated into `html` is escaped
 * unless it is already `Html`, so a value from the file can only reach the page as text.
 * The output is plain ASCII (other characters become numeric references): our object stores
 * write text as Latin-1, and an ASCII page reads the same in any encoding a mail client picks.
 */

/** Markup we wrote ourselves, or text that has been escaped. */
export class Html {
  constructor(readonly text: string) {}
}

export type HtmlValue = string | number | Html | readonly HtmlValue[];

const NAMED: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for element content and quoted attribute values: & < > " ' by name, characters
 * outside printable ASCII as numeric references, control characters (bytes a file may carry)
 * as U+FFFD so the page never contains them raw.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']|[^\x20-\x7e\t\n]/gu, (ch) => {
    const named = NAMED[ch];
    if (named !== undefined) return named;
    const code = ch.codePointAt(0) ?? 0xfffd;
    return `&#${code < 0x20 || (code >= 0x7f && code < 0xa0) ? 0xfffd : code};`;
  });
}

/** Tagged template: the literal parts are markup, the values are escaped (arrays are joined). */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.text;
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number') return String(value);
  return value.map(render).join('');
}
