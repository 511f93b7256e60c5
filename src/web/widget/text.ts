// Renders message text as text: nothing a shopper, agent or template writes becomes HTML. Links become clickable
// only when they are http(s).
const LINK = /\bhttps?:\/\/[^\s<>"'`]+[^\s<>"'`.,;:!?)\]]/g;

export function appendText(parent: HTMLElement, text: string, linkify: boolean): void {
  if (!linkify) {
    parent.append(document.createTextNode(text));
    return;
  }
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const start = match.index ?? 0;
    if (start > last) parent.append(document.createTextNode(text.slice(last, start)));
    const url = safeHttpUrl(match[0]);
    if (url) {
      const link = document.createElement('a');
      link.href = url;
      link.textContent = match[0];
      link.target = '_blank';
      link.rel = 'noopener noreferrer nofollow';
      parent.append(link);
    } else {
      parent.append(document.createTextNode(match[0]));
    }
    last = start + match[0].length;
  }
  if (last < text.length) parent.append(document.createTextNode(text.slice(last)));
}

/** The address when it is http or https (never javascript:, data: or a relative path). */
export function safeHttpUrl(candidate: string): string | undefined {
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Fills ICU-style placeholders of the widget's own strings: "{position}", "{minutes, plural, one {…} other {…}}". */
export function formatString(template: string, values: Record<string, number | string>, locale: string): string {
  let result = template;
  for (const [name, value] of Object.entries(values)) {
    // linear: on the widget's own strings; the two branches start differently and "[^{}]" cannot pass a brace.
    result = result.replace(new RegExp(`\\{${name},\\s*plural,((?:[^{}]|\\{[^{}]*\\})*)\\}`, 'g'), (_match, branches: string) => {
      const forms = Object.fromEntries([...branches.matchAll(/(=?\w+)\s*\{([^{}]*)\}/g)].map((form) => [form[1], form[2]]));
      const category = new Intl.PluralRules(locale).select(Number(value));
      const chosen = forms[`=${value}`] ?? forms[category] ?? forms.other ?? '';
      return chosen.replace(/#/g, new Intl.NumberFormat(locale).format(Number(value)));
    });
    result = result.replace(new RegExp(`\\{${name}\\}`, 'g'), String(value));
  }
  return result;
}
